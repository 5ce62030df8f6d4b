namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>A formula with its cached value (number, text or error such as "#REF!") and, optionally, the display format of its value.</summary>
public sealed record XlsxFormula(string Formula, object? Cached)
{
    public string? Format { get; init; }
}
