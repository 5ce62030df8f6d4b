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
}
