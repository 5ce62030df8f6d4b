namespace Cdppe.Pipeline.Storage;

public sealed class IndicatorValueEntity : EntityBase
{
    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public double? Value { get; set; }

    public bool IsPercent { get; set; }

    public string? Text { get; set; }

    public string? Source { get; set; }

    public bool Reliable { get; set; }

    public string? Comment { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public string? SourceCell { get; set; }
}
