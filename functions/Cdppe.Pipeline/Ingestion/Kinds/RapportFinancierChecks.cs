using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>The sums of the rapport financier: each line's funders and consumption, shared budgets, printed totals.</summary>
internal static class RapportFinancierChecks
{
    /// <summary>Lines sharing one planned amount (merged over them): together they must not consume more than it.</summary>
    public static void Shared(List<(BudgetLine Line, SheetRow Row)> group, HeaderMap header, string sheet, IssueList issues)
    {
        if (group.Count < 2)
        {
            return;
        }

        var consumed = group.Sum(g => g.Line.ConsumedCumulative);
        var planned = group[0].Line.BudgetGlobal;
        if (consumed > planned)
        {
            issues.Add(IngestionMessages.SharedOverConsumed(group.Select(g => g.Line), consumed, planned, sheet, CellReference.Format(header.Columns.GetValueOrDefault("consumedCumulative", header["consumedInYear"]), group[^1].Row.Index)));
        }
    }

    public static void Line(BudgetLine line, SheetRow row, HeaderMap header, string sheet, IssueList issues)
    {
        var funders = line.Departement + line.Fir + line.Etat + line.Ondam;
        if (funders != line.BudgetGlobal && header.Has("departement"))
        {
            issues.Add(IngestionMessages.FundersBudgetMismatch(line, funders, sheet, CellReference.Format(header["budgetGlobal"], row.Index)));
        }

        if (header.Has("consumedBefore") && header.Has("consumedCumulative") && line.ConsumedBefore + line.ConsumedInYear != line.ConsumedCumulative)
        {
            issues.Add(IngestionMessages.CumulativeMismatch(line, sheet, CellReference.Format(header["consumedCumulative"], row.Index)));
        }

        if (line.ConsumedCumulative > line.BudgetGlobal && !row.Get(header["budgetGlobal"]).FromMerge)
        {
            issues.Add(IngestionMessages.LineOverConsumed(line, sheet, CellReference.Format(header.Columns.GetValueOrDefault("consumedCumulative", header["consumedInYear"]), row.Index)));
        }
    }

    /// <summary>The printed sub-total of <paramref name="engagement"/> (the grand total when null) against the sum of its lines.</summary>
    public static void Totals(IReadOnlyList<BudgetLine> lines, SheetRow row, HeaderMap header, string sheet, string? engagement, IssueList issues)
    {
        foreach (var (field, column, label) in RapportFinancierParser.AmountFields)
        {
            if (!header.Has(field))
            {
                continue;
            }

            var cell = row.Get(header[field]);
            if (CellValueParser.Parse(cell) is not { Status: ValueStatus.Value, Number: { } printed })
            {
                continue;
            }

            var sum = lines.Sum(l => field switch
            {
                "budgetGlobal" => l.BudgetGlobal,
                "departement" => l.Departement,
                "fir" => l.Fir,
                "etat" => l.Etat,
                "ondam" => l.Ondam,
                "consumedBefore" => l.ConsumedBefore,
                "consumedInYear" => l.ConsumedInYear,
                _ => l.ConsumedCumulative,
            });
            if (sum != printed)
            {
                issues.Add(IngestionMessages.BudgetTotalMismatch(column, label, engagement, printed, sum, sheet, cell.Reference));
            }
        }
    }
}
