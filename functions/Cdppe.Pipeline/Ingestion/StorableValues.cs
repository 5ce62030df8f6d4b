using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Values the Table service cannot store (an invalid code point, a text over 32 768 characters, a row over 1 Mo) are
/// errors on their cell, in French, found on the rows an accepted workbook would write and before any of them is
/// written. The cell is the one holding the value when the workbook shows it, else the row's first cell.
/// </summary>
public static class StorableValues
{
    /// <summary>Rows scanned from an item's first row to find the cell holding a faulty value (a fiche spans a few rows).</summary>
    private const int RowsScanned = 100;

    private const int SeenLength = 60;

    public static void Check(DatasetPlan plan, WorkbookContent content, byte[] workbook)
    {
        var found = plan.Rows.SelectMany(row => TableLimits.Check(row.Entity).Select(violation => (Row: row, Violation: violation))).ToList();
        if (found.Count == 0)
        {
            return;
        }

        using var cells = new CellFinder(workbook);
        var reported = new HashSet<(string?, string?, TableViolationKind)>();
        foreach (var (row, violation) in found)
        {
            var sheet = content.SheetOf(row.Source) ?? content.SheetOfKind(row.Kind);
            var first = SourceCell(row.Source);
            var cell = violation.Kind switch
            {
                TableViolationKind.InvalidCodePoint => cells.Find(sheet, first, text => UnicodeText.InvalidCodePointAt(text) >= 0),
                TableViolationKind.StringTooLong => cells.Find(sheet, first, text => text.Length > TableLimits.MaxStringChars),
                _ => null,
            };
            if (reported.Add((sheet, cell?.Reference ?? first, violation.Kind)))
            {
                Report(content.Issues, violation, sheet, cell, first);
            }
        }
    }

    private static void Report(IssueList issues, TableViolation violation, string? sheet, SheetCell? cell, string? first)
    {
        var where = cell?.Reference ?? first;
        switch (violation.Kind)
        {
            case TableViolationKind.InvalidCodePoint:
                issues.Add(IngestionMessages.InvalidCharacter(violation.CodePoint, sheet, where, Excerpt(cell?.Text ?? violation.Value)));
                break;
            case TableViolationKind.StringTooLong:
                issues.Add(IngestionMessages.TextTooLong(cell?.Text?.Length ?? violation.Size, sheet, where, Excerpt(cell?.Text ?? violation.Value)));
                break;
            default:
                issues.Add(IngestionMessages.RowTooLarge(violation.Size, sheet, where));
                break;
        }
    }

    /// <summary>The start of a text as a user can read it back (invalid characters shown as �), with its length when cut.</summary>
    private static string? Excerpt(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = UnicodeText.Clean(text);
        return clean.Length <= SeenLength ? clean : $"{clean[..SeenLength]}… ({FrenchFormat.Number(clean.Length)} caractères)";
    }

    private static string? SourceCell(object item) => item switch
    {
        BudgetLine b => b.SourceCell,
        IndicatorValue v => v.SourceCell,
        FicheDefinition f => f.SourceCell,
        FicheBilan b => b.SourceCell,
        PlannedFunding f => f.SourceCell,
        ObjectivePlan p => p.SourceCell,
        SourcedIndicator i => i.Definition.SourceCell,
        _ => null,
    };

    /// <summary>Reads the workbook again, only when a faulty value was found, to name the cell that holds it.</summary>
    private sealed class CellFinder(byte[] bytes) : IDisposable
    {
        private ISpreadsheet? workbook;
        private bool unreadable;

        public SheetCell? Find(string? sheetName, string? from, Func<string, bool> faulty)
        {
            if (sheetName is null || !CellReference.TryParse(from, out _, out var firstRow) || Open() is not { } book)
            {
                return null;
            }

            var sheet = book.Sheets.FirstOrDefault(s => s.Name == sheetName);
            if (sheet is null)
            {
                return null;
            }

            try
            {
                return book.ReadRows(sheet)
                    .SkipWhile(r => r.Index < firstRow)
                    .TakeWhile(r => r.Index < firstRow + RowsScanned)
                    .SelectMany(r => r.NonEmpty)
                    .Where(c => c.Kind == SheetCellKind.Text && c.Text is { } text && faulty(text))
                    .Cast<SheetCell?>()
                    .FirstOrDefault();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or WorkbookFormatException or InvalidOperationException or NotSupportedException)
            {
                return null;
            }
        }

        public void Dispose() => workbook?.Dispose();

        private ISpreadsheet? Open()
        {
            if (workbook is null && !unreadable)
            {
                try
                {
                    workbook = SpreadsheetFormats.Open(new MemoryStream(bytes, writable: false));
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or WorkbookFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidOperationException or NotSupportedException)
                {
                    // Not readable a second time: the error then names the first cell of its row.
                    unreadable = true;
                }
            }

            return workbook;
        }
    }
}
