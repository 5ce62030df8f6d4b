namespace Cdppe.Pipeline.Portal;

/// <summary>A workbook kind as users name it.</summary>
public sealed record KindLabel(string Kind, string Label);
