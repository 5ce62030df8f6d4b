using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Detects the kind of every sheet of a workbook by its content and parses it.</summary>
public sealed class WorkbookParser(IEnumerable<ISheetParser> parsers, SpreadsheetLimits limits)
{
    public WorkbookParser()
        : this(SpreadsheetLimits.Default)
    {
    }

    public WorkbookParser(SpreadsheetLimits limits)
        : this(DefaultParsers(), limits)
    {
    }

    /// <summary>Every sheet kind the pipeline knows, in detection order (ties go to the first).</summary>
    public static IReadOnlyList<ISheetParser> DefaultParsers() => AllParsers();

    public IReadOnlyList<string> KnownKinds => parsers.Select(p => p.Kind).ToList();

    /// <summary>Every workbook kind of the design, in detection order (ties go to the first).</summary>
    public static IReadOnlyList<ISheetParser> AllParsers() =>
    [
        new PlanActionParser(),
        new SyntheseObjectifsParser(),
        new TableauDeBordParser(),
        new Annexe21Parser(),
        new RapportFinancierParser(),
        new BilansFichesParser(),
        new SuiviMensuelParser(),
    ];

    /// <summary>
    /// Reads and validates every sheet. <paramref name="cancellationToken"/> is checked for every row read (by the
    /// parser and inside the readers): once cancelled, the reading stops with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public WorkbookContent Parse(Stream stream, CancellationToken cancellationToken = default)
    {
        var content = new WorkbookContent();
        var bounds = cancellationToken.CanBeCanceled ? limits with { Cancellation = cancellationToken } : limits;
        try
        {
            using var workbook = SpreadsheetFormats.Open(stream, bounds);
            if (workbook.HasMacros)
            {
                content.Issues.Add(IngestionMessages.MacrosIgnored());
            }

            foreach (var sheet in workbook.Sheets)
            {
                if (sheet.Name.StartsWith(WorkbookAnnotator.IssuesSheetName, StringComparison.Ordinal))
                {
                    // The list of problems added to a rejected copy: the user corrected the file and dropped it again.
                    content.Issues.Add(IngestionMessages.IssuesSheetIgnored(sheet.Name));
                    content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
                    continue;
                }

                if (sheet.Visibility != SheetVisibility.Visible)
                {
                    content.Issues.Add(IngestionMessages.HiddenSheet(sheet.Name));
                    content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
                    continue;
                }

                try
                {
                    ParseSheet(workbook, sheet, content, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or IOException or InvalidCastException or ArgumentOutOfRangeException or KeyNotFoundException)
                {
                    content.Issues.Add(IngestionMessages.UnreadableSheet(sheet.Name));
                    content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
                }
            }

            if (workbook.Sheets.Count == 0 || content.Sheets.All(s => s.Kind is null))
            {
                content.Issues.Add(IngestionMessages.NoSheetRecognised(HeaderLocator.RowsScanned, KnownKinds));
            }
        }
        catch (WorkbookFormatException ex)
        {
            content.Issues.Add(IngestionMessages.UnreadableWorkbook(ex.Message, ex.Sheet, ex.Cell));
        }
        catch (System.Xml.XmlException ex)
        {
            content.Issues.Add(IngestionMessages.ForbiddenXml(ex.LineNumber));
        }

        return content;
    }

    private void ParseSheet(ISpreadsheet workbook, SpreadsheetSheet sheet, WorkbookContent content, CancellationToken cancellationToken)
    {
        using var rows = Checked(workbook.ReadRows(sheet), cancellationToken).GetEnumerator();
        var head = new List<SheetRow>();
        while (head.Count < HeaderLocator.RowsScanned && rows.MoveNext())
        {
            head.Add(rows.Current);
        }

        // The kind whose header recognises the most columns wins: a plan d'action also has "fiche" and "objectif".
        var best = parsers
            .Select((parser, order) => (Parser: parser, Order: order, Header: parser.Detect(head)))
            .Where(c => c.Header is not null)
            .OrderByDescending(c => c.Header!.Columns.Count)
            .ThenBy(c => c.Order)
            .FirstOrDefault();
        if (best.Parser is not null)
        {
            // Checked again as the sheet parser reads: a parser going over its rows more than once is bounded too.
            var input = new SheetInput(workbook, sheet, Checked(head.Concat(Rest(rows)), cancellationToken));
            var before = content.ItemCount;
            var years = best.Parser.Parse(input, best.Header!, content);
            content.Sheets.Add(new SheetSummary(sheet.Name, best.Parser.Kind, content.ItemCount - before, years));
            return;
        }

        if (head.All(r => r.IsBlank))
        {
            content.Issues.Add(IngestionMessages.EmptySheet(sheet.Name));
            content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
            return;
        }

        content.Issues.Add(IngestionMessages.UnknownSheet(sheet.Name, HeaderLocator.RowsScanned, KnownKinds));
        content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
    }

    private static IEnumerable<SheetRow> Checked(IEnumerable<SheetRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rows)
    {
        while (rows.MoveNext())
        {
            yield return rows.Current;
        }
    }
}
