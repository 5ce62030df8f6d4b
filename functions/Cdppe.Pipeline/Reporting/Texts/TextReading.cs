namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>What an uploaded report holds: the text of each place found, and the French warnings about what is not kept.</summary>
public sealed record TextReading(IReadOnlyList<PlaceText> Texts, IReadOnlyList<string> Warnings);
