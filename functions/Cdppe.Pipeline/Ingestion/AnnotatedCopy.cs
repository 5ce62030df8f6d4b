using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// The copy of a rejected workbook with a note on each faulty cell. An .xlsx is annotated in place
/// (<see cref="WorkbookAnnotator"/>); an .ods or .xls becomes an .xlsx holding the cells read (values with their
/// number formats, formula results, merged ranges, hidden sheets), annotated the same way: Excel and LibreOffice
/// both open it, and dropped again once corrected it is read like the original.
/// </summary>
public static class AnnotatedCopy
{
    /// <summary>The copy's file name: the original's, ending in .xlsx when the original was another format.</summary>
    public static string FileName(string fileName, byte[] workbook) =>
        SpreadsheetFormats.Detect(new MemoryStream(workbook, writable: false)) is SpreadsheetFormat.Ods or SpreadsheetFormat.Xls
            ? Path.ChangeExtension(fileName, ".xlsx")
            : fileName;

    /// <summary>The annotated copy, or null when the file cannot be read as a workbook (then only the report explains).</summary>
    public static byte[]? Create(byte[] workbook, IReadOnlyList<ValidationIssue> issues)
    {
        if (SpreadsheetFormats.Detect(new MemoryStream(workbook, writable: false)) is not (SpreadsheetFormat.Ods or SpreadsheetFormat.Xls))
        {
            return WorkbookAnnotator.Annotate(workbook, issues);
        }

        try
        {
            return WorkbookAnnotator.Annotate(ToXlsx(workbook), issues);
        }
        catch (Exception ex) when (ex is WorkbookFormatException or System.Xml.XmlException or InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>An .xlsx with the cells of an .ods or .xls, at the same references.</summary>
    public static byte[] ToXlsx(byte[] workbook)
    {
        using var spreadsheet = SpreadsheetFormats.Open(new MemoryStream(workbook, writable: false));
        return XlsxWriter.Write(spreadsheet.Sheets.Select(s => new XlsxSheetSpec(s.Name, Rows(spreadsheet, s), spreadsheet.MergedRanges(s), s.Visibility)).ToList());
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(ISpreadsheet spreadsheet, SpreadsheetSheet sheet)
    {
        var next = 1;
        foreach (var row in spreadsheet.ReadRows(sheet))
        {
            for (; next < row.Index; next++)
            {
                yield return [];
            }

            var values = new object?[row.Cells.Count == 0 ? 0 : row.Cells[^1].Column];
            foreach (var cell in row.Cells.Where(c => !c.FromMerge))
            {
                values[cell.Column - 1] = cell.Kind switch
                {
                    SheetCellKind.Text => cell.Text,
                    SheetCellKind.Number when cell.IsDate => new XlsxNumber(cell.Number!.Value, cell.NumberFormat ?? "dd/mm/yyyy"),
                    SheetCellKind.Number when cell.NumberFormat is { } format => new XlsxNumber(cell.Number!.Value, format),
                    SheetCellKind.Number => cell.Number!.Value,
                    SheetCellKind.Boolean => cell.Number == 1,
                    SheetCellKind.Error when cell.Text is ['#', ..] => new XlsxFormula(cell.Text, cell.Text),
                    SheetCellKind.Error => new XlsxFormula("NA()", "#N/A"), // Calc's "Err:509": an error Excel can show
                    _ => null,
                };
            }

            next = row.Index + 1;
            yield return values;
        }
    }
}
