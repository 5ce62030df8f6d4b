using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Sums of the amount columns of the rapport financier.</summary>
public sealed record BudgetTotals(decimal BudgetGlobal, decimal Departement, decimal Fir, decimal Etat, decimal Ondam, decimal ConsumedBefore, decimal ConsumedInYear, decimal ConsumedCumulative)
{
    /// <summary>Consumed cumulative / budget global, or null without budget.</summary>
    public decimal? Rate => BudgetGlobal > 0 ? ConsumedCumulative / BudgetGlobal : null;

    public static BudgetTotals Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The sums of the lines' amounts.</summary>
    public static BudgetTotals Of(IEnumerable<BudgetLine> lines) =>
        Sum(lines.Select(l => new BudgetTotals(l.BudgetGlobal, l.Departement, l.Fir, l.Etat, l.Ondam, l.ConsumedBefore, l.ConsumedInYear, l.ConsumedCumulative)));

    /// <summary>The sums of several totals (the national totals are those of every département).</summary>
    public static BudgetTotals Sum(IEnumerable<BudgetTotals> totals) => totals.Aggregate(Zero, Add);

    /// <summary>Column by column.</summary>
    public static BudgetTotals Add(BudgetTotals a, BudgetTotals b) => new(
        a.BudgetGlobal + b.BudgetGlobal,
        a.Departement + b.Departement,
        a.Fir + b.Fir,
        a.Etat + b.Etat,
        a.Ondam + b.Ondam,
        a.ConsumedBefore + b.ConsumedBefore,
        a.ConsumedInYear + b.ConsumedInYear,
        a.ConsumedCumulative + b.ConsumedCumulative);
}
