using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>A sheet of a workbook: its position, its name as the user sees it and whether it is shown.</summary>
public sealed record SpreadsheetSheet(int Index, string Name, SheetVisibility Visibility);
