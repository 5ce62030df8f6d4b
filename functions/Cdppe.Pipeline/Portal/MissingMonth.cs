namespace Cdppe.Pipeline.Portal;

/// <summary>A month of the year with indicators without value, or never consolidated.</summary>
public sealed record MissingMonth(string Month, string Label, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Indicators);
