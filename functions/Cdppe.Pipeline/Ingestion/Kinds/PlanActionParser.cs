using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The plan d'action et de financement (seed 000, first table): one block per fiche action, one row per indicator
/// (continuation rows carry no fiche number, or a number merged over the block), targets per year, planned money
/// per year and funder (masse salariale + budget DGAS = total CD; co-financing FIR / État / ONDAM with its source),
/// and a grand total row that is checked, not imported. Year columns are recognised by their header: a group label
/// above them ("Masse salariale" over "2020 2021 2022 Total"), or, as in the seed, the total column that follows them
/// ("2020 2021 2022 Total masse salariale (2020, 2021, 2022)").
/// </summary>
public sealed partial class PlanActionParser : ISheetParser
{
    public const string KindName = WorkbookKinds.PlanAction;

    private static readonly ColumnSpec[] Specs =
    [
        new("fiche", t => t.Contains("fiche", StringComparison.Ordinal) && NumberWord().IsMatch(t), Required: true),
        new("intitule", t => t.Contains("intitule", StringComparison.Ordinal) && t.Contains("fiche", StringComparison.Ordinal)),
        new("theme", t => t.StartsWith("theme", StringComparison.Ordinal)),
        new("nature", t => t.Contains("fondamental", StringComparison.Ordinal) || t.Contains("facultatif", StringComparison.Ordinal)),
        new("objectif", t => t.Contains("objectif", StringComparison.Ordinal) && !t.Contains("cible", StringComparison.Ordinal)),
        new("indicateurEtat", t => t.StartsWith("indicateur", StringComparison.Ordinal) && Word(t, "etat")),
        new("additionnel", t => t.Contains("additionnel", StringComparison.Ordinal)),
        new("indicateur", t => t.StartsWith("indicateur", StringComparison.Ordinal), Required: true),
        new("total", t => t.Contains("moyen", StringComparison.Ordinal) && t.Contains("financ", StringComparison.Ordinal)),
        new("source", t => t.Contains("source", StringComparison.Ordinal) && t.Contains("financ", StringComparison.Ordinal)),
        new("referent", t => t.StartsWith("referent", StringComparison.Ordinal)),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
        var layout = PlanActionLayout.Of(header);
        if (layout.TargetYears.Count == 0 && layout.FundingYears.Count == 0)
        {
            issues.Add(IngestionMessages.YearNotFound(KindName, sheet, header.CellOf("indicateur"), header.RawTextOf("indicateur")));
            return [];
        }

        var firstMoneyColumn = layout.Money.Keys.Concat(header.Has("total") ? [header["total"]] : []).DefaultIfEmpty(int.MaxValue).Min();
        var totals = new PlanActionTotals(sheet, issues, header, layout);
        var fiches = new PlanActionFicheReader(sheet, content, header, layout, totals);
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (Cells.IsEngagementBanner(row, out _))
            {
                continue;
            }

            var ficheCell = row.Get(header["fiche"]);
            var hasOwnNumber = !ficheCell.IsEmpty && !ficheCell.FromMerge;
            var label = Cells.OwnText(row, header, "indicateur");
            var isTotal = Cells.IsTotalRow(row, firstMoneyColumn, out _)
                || (!hasOwnNumber && label is null && Cells.OwnText(row, header, "intitule") is null && layout.Money.Keys.Any(c => row.Get(c) is { IsEmpty: false, FromMerge: false }));
            if (isTotal)
            {
                fiches.Finish();
                totals.CheckGrandTotal(row);
                continue;
            }

            if (hasOwnNumber)
            {
                if (Cells.FicheNumber(ficheCell) is not { } numero)
                {
                    issues.Add(IngestionMessages.InvalidFiche(sheet, ficheCell));
                    fiches.Abandon();
                    continue;
                }

                fiches.StartFiche(numero, row, ficheCell);
            }
            else if (fiches.Current is null)
            {
                if (label is not null)
                {
                    issues.Add(IngestionMessages.FicheMissing(KindName, sheet, ficheCell.Reference));
                }

                continue;
            }
            else
            {
                fiches.CheckContinuationMoney(row);
            }

            fiches.ReadIndicators(row);
        }

        fiches.Finish();
        if (content.Fiches.Count == 0)
        {
            issues.Add(IngestionMessages.EmptyTable(KindName, sheet, CellReference.Format(header["fiche"], header.LastHeaderRow + 1)));
        }

        return layout.TargetYears.Concat(layout.FundingYears).Distinct().Order().ToList();
    }

    /// <summary>Whether <paramref name="word"/> stands as a word in a normalised header or source text.</summary>
    internal static bool Word(string text, string word) => Regex.IsMatch(text, $@"(^|[^a-z]){word}([^a-z]|$)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(^|[^a-z])(n\s*°|numero|num\b|no\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();
}
