namespace Cdppe.Pipeline.Model;

/// <summary>A raw indicator value of one month as uploaded (counts are year-to-date).</summary>
public sealed record IndicatorValue
{
    public required string Code { get; init; }

    public required string Label { get; init; }

    public required YearMonth Period { get; init; }

    public decimal? Value { get; init; }

    public bool IsPercent { get; init; }

    /// <summary>Text value (milestone) or the reason there is no number ("NC").</summary>
    public string? Text { get; init; }

    public string? Source { get; init; }

    public bool Reliable { get; init; } = true;

    public string? Comment { get; init; }

    public string? SourceCell { get; init; }
}
