namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

public enum SheetCellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Error,
}
