using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>What an exported workbook holds besides its values, read with the Open XML SDK: merged ranges, notes, formulas, number formats.</summary>
public sealed class ExportedWorkbook
{
    private ExportedWorkbook(Dictionary<string, Sheet> sheets) => Sheets = sheets;

    public sealed record Sheet(IReadOnlyList<string> Merges, IReadOnlyDictionary<string, string> Notes, IReadOnlyDictionary<string, string> Formulas, IReadOnlyDictionary<string, string> Formats, IReadOnlyList<string> Tables);

    public IReadOnlyDictionary<string, Sheet> Sheets { get; }

    public static ExportedWorkbook Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var numberFormats = workbook.WorkbookStylesPart?.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = workbook.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var sheets = new Dictionary<string, Sheet>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var merges = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
            var notes = part.WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.CommentText!.InnerText, StringComparer.Ordinal) ?? [];
            var cells = part.Worksheet.Descendants<Cell>().ToList();
            var formulas = cells.Where(c => c.CellFormula is not null).ToDictionary(c => c.CellReference!.Value!, c => c.CellFormula!.Text, StringComparer.Ordinal);
            var formats = cells.Where(c => c.StyleIndex is not null && (int)c.StyleIndex.Value < cellFormats.Count)
                .Select(c => (c.CellReference!.Value!, cellFormats[(int)c.StyleIndex!.Value].NumberFormatId?.Value))
                .Where(t => t.Value is { } id && numberFormats.ContainsKey(id))
                .ToDictionary(t => t.Item1, t => numberFormats[t.Value!.Value], StringComparer.Ordinal);
            var tables = part.TableDefinitionParts.Select(t => $"{t.Table.Name!.Value} {t.Table.Reference!.Value} {(t.Table.AutoFilter is null ? "sans filtre" : "filtre")}").ToList();
            sheets[sheet.Name!.Value!] = new Sheet(merges, notes, formulas, formats, tables);
        }

        return new ExportedWorkbook(sheets);
    }
}
