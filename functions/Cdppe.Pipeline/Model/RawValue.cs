namespace Cdppe.Pipeline.Model;

/// <summary>A raw indicator value as the consolidation reads it (one upload's value for one month).</summary>
public sealed record RawValue(string Code, string Label, YearMonth Period, decimal? Value, bool IsPercent, string? Text, bool Reliable, string IngestionId, DateTimeOffset ReceivedAt);
