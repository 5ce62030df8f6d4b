namespace Cdppe.Pipeline.Model;

/// <summary>What one sheet turned out to be.</summary>
public sealed record SheetSummary(string Name, string? Kind, int DataRows, IReadOnlyList<int> Years);
