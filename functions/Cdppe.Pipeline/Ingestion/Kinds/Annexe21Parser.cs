using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The State's annexe 2.1 (seed 002): one row per objective (number and wording), the year's actions, funding
/// Département / État / total with the State's source (FIR, 304, ONDAM), other funding, and the next year's funding;
/// engagement banner rows; continuation rows for further actions of the same objective.
/// </summary>
public sealed class Annexe21Parser : ISheetParser
{
    public const string KindName = WorkbookKinds.Annexe21;

    private static readonly ColumnSpec[] Specs =
    [
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
        new("numero", t => t.Contains("objectif", StringComparison.Ordinal) && (t.Contains("n°", StringComparison.Ordinal) || t.Contains("numero", StringComparison.Ordinal) || t.StartsWith("no ", StringComparison.Ordinal)), Required: true),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("actions", t => t.Contains("action", StringComparison.Ordinal), Required: true),
        new("modalite", t => t.Contains("source", StringComparison.Ordinal) && !t.Contains("autre", StringComparison.Ordinal) || t.Contains("modalite", StringComparison.Ordinal)),
        new("total", t => t.Contains("total", StringComparison.Ordinal), Required: true),
        new("departement", t => ObjectivePlanRows.Word(t, "departement")),
        new("etat", t => ObjectivePlanRows.Word(t, "etat")),
        new("autres", t => t.Contains("autre", StringComparison.Ordinal)),
        new("montant", t => t.StartsWith("montant", StringComparison.Ordinal)),
        new("nextYear", t => t.StartsWith("financement", StringComparison.Ordinal) && Years.In(t).Count == 1),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var year = Years.OnlyOne(header.TextOf("actions")) ?? FundingYears(header).Cast<int?>().FirstOrDefault() ?? Years.OnlyOne(header.FullTextOf(header["total"]));
        if (year is null)
        {
            content.Issues.Add(IngestionMessages.YearNotFound(KindName, input.Sheet.Name, header.CellOf("actions"), header.RawTextOf("actions")));
            return [];
        }

        var (rows, sample) = ObjectivePlanRows.Buffer(input.Rows, header.LastHeaderRow, 200);
        header = AnnexeLayout.Resolve(header, sample, year.Value, input.Sheet.Name, content.Issues);
        var nextYear = header.Has("nextYear") ? FundingYears(header, header["nextYear"]).Cast<int?>().FirstOrDefault() ?? Years.OnlyOne(header.TextOf("nextYear")) : null;
        if (nextYear is not null && nextYear != year + 1)
        {
            content.Issues.Add(IngestionMessages.NextYearMismatch(header.RawTextOf("nextYear"), year.Value, input.Sheet.Name, header.CellOf("nextYear")));
        }

        List<int> years = nextYear is { } next ? [year.Value, next] : [year.Value];
        var reader = new ObjectivePlanRows(KindName, Years.Label(years), input with { Rows = rows }, header, content, new Dictionary<int, int> { [header["actions"]] = year.Value }, nextYear);
        reader.ReadAll();
        return years;
    }

    /// <summary>The years of the "Financements AAAA" group headers, left to right (of one column when given).</summary>
    internal static IReadOnlyList<int> FundingYears(HeaderMap header, int? column = null) =>
        header.FullTexts.Where(t => column is null || t.Key == column).OrderBy(t => t.Key)
            .Select(t => t.Value.StartsWith("financement", StringComparison.Ordinal) && Years.In(t.Value) is [var y, ..] ? y : 0)
            .Where(y => y > 0)
            .Distinct()
            .ToList();
}
