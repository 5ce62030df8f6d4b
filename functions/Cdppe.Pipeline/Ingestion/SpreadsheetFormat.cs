namespace Cdppe.Pipeline.Ingestion;

public enum SpreadsheetFormat
{
    Unknown,

    /// <summary>Office Open XML workbook (.xlsx, .xlsm): a zip holding <c>xl/workbook.xml</c>.</summary>
    Xlsx,

    /// <summary>OpenDocument spreadsheet (.ods): a zip whose <c>mimetype</c> is <see cref="SpreadsheetFormats.OdsMimeType"/>.</summary>
    Ods,

    /// <summary>Excel 97-2003 workbook (.xls, BIFF8): an OLE2 compound file.</summary>
    Xls,
}
