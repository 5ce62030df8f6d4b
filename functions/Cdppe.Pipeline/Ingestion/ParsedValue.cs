namespace Cdppe.Pipeline.Ingestion;

public readonly record struct ParsedValue(ValueStatus Status, decimal? Number, bool IsPercent, string? Text)
{
    public static ParsedValue Blank { get; } = new(ValueStatus.Blank, null, false, null);
}
