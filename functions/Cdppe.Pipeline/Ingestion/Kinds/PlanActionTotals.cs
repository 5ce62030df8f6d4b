using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The sums of the plan d'action: within a fiche (years against their total, masse salariale + DGAS against the CD,
/// the funders against the moyens financiers prévus, the co-financing source) and the grand total row against the sum
/// of the fiches read, column by column.
/// </summary>
internal sealed class PlanActionTotals(string sheet, IssueList issues, HeaderMap header, PlanActionLayout layout)
{
    private readonly Dictionary<int, decimal> columnSums = [];
    private readonly int errorsBefore = issues.ErrorCount;
    private bool totalsSkipped;

    private int? PrintedTotalColumn => header.Has("total") ? header["total"] : null;

    /// <summary>Checks a fiche's sums and adds its amounts to the column sums; returns the total of its funders.</summary>
    public decimal CheckFiche(PlanActionFiche f, IReadOnlyList<PlannedFunding> funding)
    {
        var years = layout.FundingYears;
        foreach (var group in PlanActionLayout.MoneyGroups)
        {
            if (layout.TotalColumn(group) is not { } totalColumn || f.Money.GetValueOrDefault(totalColumn) is not { } printed)
            {
                continue;
            }

            var sum = years.Sum(y => layout.YearColumn(group, y) is { } c ? f.Money.GetValueOrDefault(c) ?? 0m : 0m);
            if (sum != printed)
            {
                issues.Add(IngestionMessages.YearsDoNotMakeTotal(f.Numero, PlanActionLayout.Label(group), printed, sum, sheet, CellReference.Format(totalColumn, f.Row)));
            }
        }

        foreach (var year in years)
        {
            var parts = Amount(f, PlanActionGroup.Masse, year) + Amount(f, PlanActionGroup.Dgas, year);
            if (layout.YearColumn(PlanActionGroup.Cd, year) is { } cdColumn && f.Money.GetValueOrDefault(cdColumn) is { } cd
                && (layout.YearColumn(PlanActionGroup.Masse, year) is not null || layout.YearColumn(PlanActionGroup.Dgas, year) is not null) && cd != parts)
            {
                issues.Add(IngestionMessages.DepartementTotalMismatch(f.Numero, year, cd, parts, sheet, CellReference.Format(cdColumn, f.Row)));
            }
        }

        var computed = GroupTotal(f, funding, PlanActionGroup.Cd) + GroupTotal(f, funding, PlanActionGroup.Fir) + GroupTotal(f, funding, PlanActionGroup.Etat) + GroupTotal(f, funding, PlanActionGroup.Ondam);
        var totalCell = PrintedTotalColumn is { } tc ? CellReference.Format(tc, f.Row) : f.Cell;
        if (f.PrintedTotal is { } total && layout.Money.Count > 0 && total != computed)
        {
            issues.Add(IngestionMessages.PlanFundersMismatch(f.Numero, computed, total, sheet, totalCell));
        }
        else if (f.PrintedTotal is null && computed != 0 && PrintedTotalColumn is not null)
        {
            issues.Add(IngestionMessages.PlannedTotalMissing(f.Numero, computed, sheet, totalCell));
        }

        CheckSource(f, funding);
        foreach (var column in layout.Money.Keys)
        {
            columnSums[column] = columnSums.GetValueOrDefault(column) + (f.Money.GetValueOrDefault(column) ?? 0m);
        }

        if (PrintedTotalColumn is { } printedColumn)
        {
            columnSums[printedColumn] = columnSums.GetValueOrDefault(printedColumn) + (f.PrintedTotal ?? 0m);
        }

        return computed;
    }

    /// <summary>The grand total row: each printed amount against the sum of the fiches (unless lines were rejected).</summary>
    public void CheckGrandTotal(SheetRow row)
    {
        if (issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
        {
            return;
        }

        var printedAny = false;
        foreach (var (column, sum) in columnSums.OrderBy(c => c.Key))
        {
            var cell = row.Get(column);
            if (CellValueParser.Parse(cell) is not { Status: ValueStatus.Value, Number: { } printed })
            {
                continue;
            }

            printedAny = true;
            if (printed != sum)
            {
                var what = column == PrintedTotalColumn ? "moyens financiers prévus" : layout.ColumnLabel(column);
                issues.Add(IngestionMessages.PlanTotalMismatch(what, printed, sum, sheet, cell.Reference));
            }
        }

        if (!printedAny)
        {
            issues.Add(IngestionMessages.UnreadableTotalRow(sheet, CellReference.Format(1, row.Index)));
        }
    }

    private decimal Amount(PlanActionFiche f, PlanActionGroup group, int year) =>
        layout.YearColumn(group, year) is { } c ? f.Money.GetValueOrDefault(c) ?? 0m : 0m;

    /// <summary>A funder's printed total for the fiche, or the sum of its years.</summary>
    private decimal GroupTotal(PlanActionFiche f, IReadOnlyList<PlannedFunding> funding, PlanActionGroup group) =>
        layout.TotalColumn(group) is { } c && f.Money.GetValueOrDefault(c) is { } t ? t : funding.Sum(p => group switch
        {
            PlanActionGroup.Cd => p.Departement,
            PlanActionGroup.Fir => p.Fir,
            PlanActionGroup.Etat => p.Etat,
            _ => p.Ondam,
        });

    /// <summary>A co-financing entered for FIR, État or ONDAM must be named by the fiche's co-financing source.</summary>
    private void CheckSource(PlanActionFiche f, IReadOnlyList<PlannedFunding> funding)
    {
        var source = TextNormalizer.Normalize(f.Source);
        if (source.Length == 0)
        {
            return;
        }

        (string Name, decimal Amount)[] funders =
        [
            ("fir", funding.Sum(p => p.Fir)),
            ("etat", funding.Sum(p => p.Etat)),
            ("ondam", funding.Sum(p => p.Ondam)),
        ];
        foreach (var (name, amount) in funders)
        {
            if (amount != 0 && !PlanActionParser.Word(source, name) && !(name == "etat" && (source.Contains("plf", StringComparison.Ordinal) || source.Contains("304", StringComparison.Ordinal))))
            {
                issues.Add(IngestionMessages.CofundingSource(f.Numero, name.ToUpperInvariant(), amount, f.Source!, sheet, header.Has("source") ? CellReference.Format(header["source"], f.Row) : f.Cell));
            }
        }
    }
}
