namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>A number with its display format, as Excel stores it ("#,##0 €", "0.0%", "dd/mm/yyyy").</summary>
public sealed record XlsxNumber(double Value, string Format);
