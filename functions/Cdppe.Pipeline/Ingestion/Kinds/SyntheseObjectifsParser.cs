using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The synthesis of the plan d'action by mesure and objectif (seed 000, second table): actions per year
/// ("Actions à mettre en œuvre" over "2020 2021 2022"), partners, Département / État / total for the objective and
/// the State's funding mode, under engagement banners, with a grand total row (checked, not imported).
/// </summary>
public sealed class SyntheseObjectifsParser : ISheetParser
{
    public const string KindName = WorkbookKinds.SyntheseObjectifs;

    private static readonly ColumnSpec[] Specs =
    [
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("actions", t => t.Contains("action", StringComparison.Ordinal) && !t.Contains("fiche", StringComparison.Ordinal), Required: true),
        new("partenaires", t => t.StartsWith("partenaire", StringComparison.Ordinal), Required: true),
        new("modalite", t => t.Contains("modalite", StringComparison.Ordinal)),
        new("total", t => t.Contains("total", StringComparison.Ordinal), Required: true),
        new("departement", t => ObjectivePlanRows.Word(t, "departement")),
        new("etat", t => ObjectivePlanRows.Word(t, "etat")),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var actionColumns = ObjectivePlanRows.YearColumns(header, "action");
        var years = actionColumns.Values.Distinct().Order().ToList();
        if (years.Count == 0)
        {
            years = header.Titles.SelectMany(Years.Span).Concat(Years.Span(header.FullTextOf(header["total"]))).Distinct().Order().ToList();
        }

        if (years.Count == 0)
        {
            content.Issues.Add(IngestionMessages.YearNotFound(KindName, input.Sheet.Name, header.CellOf("actions"), header.RawTextOf("actions")));
            return [];
        }

        if (actionColumns.Count == 0)
        {
            actionColumns[header["actions"]] = years[0];
        }

        var reader = new ObjectivePlanRows(KindName, Years.Label(years), input, header, content, actionColumns, null);
        reader.ReadAll();
        return years;
    }
}
