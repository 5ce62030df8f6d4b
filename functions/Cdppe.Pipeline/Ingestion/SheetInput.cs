using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>A sheet being parsed: the workbook, the sheet and its rows (header rows included).</summary>
public sealed record SheetInput(ISpreadsheet Workbook, SpreadsheetSheet Sheet, IEnumerable<SheetRow> Rows);
