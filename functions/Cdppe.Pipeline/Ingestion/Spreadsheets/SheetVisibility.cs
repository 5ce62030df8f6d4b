namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

public enum SheetVisibility
{
    Visible,
    Hidden,
    VeryHidden,
}
