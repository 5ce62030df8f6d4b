using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Sums of the amount columns of the rapport financier.</summary>
public sealed record BudgetTotals(decimal BudgetGlobal, decimal Departement, decimal Fir, decimal Etat, decimal Ondam, decimal ConsumedBefore, decimal ConsumedInYear, decimal ConsumedCumulative)
{
    /// <summary>Consumed cumulative / budget global, or null without budget.</summary>
    public decimal? Rate => BudgetGlobal > 0 ? ConsumedCumulative / BudgetGlobal : null;

    public static BudgetTotals Of(IEnumerable<BudgetLine> lines)
    {
        var list = lines as IReadOnlyCollection<BudgetLine> ?? lines.ToList();
        return new BudgetTotals(
            list.Sum(l => l.BudgetGlobal),
            list.Sum(l => l.Departement),
            list.Sum(l => l.Fir),
            list.Sum(l => l.Etat),
            list.Sum(l => l.Ondam),
            list.Sum(l => l.ConsumedBefore),
            list.Sum(l => l.ConsumedInYear),
            list.Sum(l => l.ConsumedCumulative));
    }

    /// <summary>The sums of several totals (the national totals are those of every département).</summary>
    public static BudgetTotals Sum(IEnumerable<BudgetTotals> totals)
    {
        var list = totals as IReadOnlyCollection<BudgetTotals> ?? totals.ToList();
        return new BudgetTotals(
            list.Sum(t => t.BudgetGlobal),
            list.Sum(t => t.Departement),
            list.Sum(t => t.Fir),
            list.Sum(t => t.Etat),
            list.Sum(t => t.Ondam),
            list.Sum(t => t.ConsumedBefore),
            list.Sum(t => t.ConsumedInYear),
            list.Sum(t => t.ConsumedCumulative));
    }
}
