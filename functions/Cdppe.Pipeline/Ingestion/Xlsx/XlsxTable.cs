namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>An Excel table: its name and its range ("A1:I200"), the first row being the header.</summary>
public sealed record XlsxTable(string Name, string Range);
