namespace Cdppe.Pipeline.Portal;

/// <summary>One month of an indicator: the consolidated value against the month's target; a gap when nothing is known.</summary>
public sealed record MonthPoint(string Month, string Label, decimal? Value, string? Text, decimal? Target, string? TargetText, string Status, bool Reliable, bool Gap, bool NotConsolidated);
