namespace Cdppe.Pipeline.Model;

/// <summary>One indicator in one month's snapshot.</summary>
public sealed record MonthlySnapshot(string Code, string Label, YearMonth Month, decimal? Value, bool IsPercent, string? Text, decimal? Target, string? TargetText, SnapshotStatus Status, bool Reliable, string? SourceIngestion);
