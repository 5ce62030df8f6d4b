using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Detects the kind of every sheet of a workbook by its content and parses it.</summary>
public sealed class WorkbookParser(IEnumerable<ISheetParser> parsers, XlsxLimits limits)
{
    public WorkbookParser()
        : this(XlsxLimits.Default)
    {
    }

    public WorkbookParser(XlsxLimits limits)
        : this(DefaultParsers(), limits)
    {
    }

    /// <summary>Every sheet kind the pipeline knows, in detection order.</summary>
    public static IReadOnlyList<ISheetParser> DefaultParsers() => [new RapportFinancierParser(), new SuiviMensuelParser()];

    public IReadOnlyList<string> KnownKinds => parsers.Select(p => p.Kind).ToList();

    public WorkbookContent Parse(Stream stream)
    {
        var content = new WorkbookContent();
        try
        {
            using var workbook = XlsxWorkbook.Open(stream, limits);
            if (workbook.HasMacros)
            {
                content.Issues.Warning("macros-ignorees", "Le classeur contient des macros (VBA) : elles ne sont jamais exécutées et ont été ignorées.");
            }

            foreach (var sheet in workbook.Sheets)
            {
                if (sheet.Visibility != SheetVisibility.Visible)
                {
                    content.Issues.Warning("feuille-masquee", "La feuille est masquée : elle n'a pas été lue. Affichez-la si elle contient des données à importer.", sheet.Name);
                    content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
                    continue;
                }

                ParseSheet(workbook, sheet, content);
            }

            if (workbook.Sheets.Count == 0 || content.Sheets.All(s => s.Kind is null))
            {
                content.Issues.Error(
                    "aucune-feuille-reconnue",
                    $"Aucune feuille du classeur n'a été reconnue. Types attendus : {string.Join(", ", KnownKinds)} ; vérifiez que les en-têtes de colonnes sont présents dans les 20 premières lignes.");
            }
        }
        catch (WorkbookFormatException ex)
        {
            content.Issues.Error("classeur-illisible", ex.Message, ex.Sheet, ex.Cell);
        }
        catch (System.Xml.XmlException ex)
        {
            content.Issues.Error("classeur-illisible", $"Le contenu XML d'une feuille est invalide ou interdit (DTD, entités externes) près de la ligne {ex.LineNumber} : le fichier est refusé par sécurité.");
        }

        return content;
    }

    private void ParseSheet(XlsxWorkbook workbook, XlsxSheet sheet, WorkbookContent content)
    {
        using var rows = workbook.ReadRows(sheet).GetEnumerator();
        var head = new List<XlsxRow>();
        while (head.Count < HeaderLocator.RowsScanned && rows.MoveNext())
        {
            head.Add(rows.Current);
        }

        foreach (var parser in parsers)
        {
            if (parser.Detect(head) is { } header)
            {
                var input = new SheetInput(workbook, sheet, head.Concat(Rest(rows)));
                var before = content.BudgetLines.Count + content.IndicatorValues.Count;
                var years = parser.Parse(input, header, content);
                content.Sheets.Add(new SheetSummary(sheet.Name, parser.Kind, content.BudgetLines.Count + content.IndicatorValues.Count - before, years));
                return;
            }
        }

        content.Issues.Warning("feuille-inconnue", "Feuille non reconnue : elle a été ignorée (aucun en-tête d'un type de classeur connu).", sheet.Name);
        content.Sheets.Add(new SheetSummary(sheet.Name, null, 0, []));
    }

    private static IEnumerable<XlsxRow> Rest(IEnumerator<XlsxRow> rows)
    {
        while (rows.MoveNext())
        {
            yield return rows.Current;
        }
    }
}
