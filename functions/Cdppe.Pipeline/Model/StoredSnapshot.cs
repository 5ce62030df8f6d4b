namespace Cdppe.Pipeline.Model;

/// <summary>
/// One indicator in one month's snapshot as stored: the <see cref="MonthlySnapshot"/> fields and the revision the
/// store gave it (1 when first written, n + 1 each time its content changed).
/// </summary>
public sealed record StoredSnapshot(string Code, string Label, YearMonth Month, decimal? Value, bool IsPercent, string? Text, decimal? Target, string? TargetText, SnapshotStatus Status, bool Reliable, string? SourceIngestion, int Revision);
