using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Sums of the amount columns of the rapport financier.</summary>
public sealed record BudgetTotals(decimal BudgetGlobal, decimal Departement, decimal Fir, decimal Etat, decimal Ondam, decimal ConsumedBefore, decimal ConsumedInYear, decimal ConsumedCumulative)
{
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

public sealed record EngagementBudget(string Engagement, IReadOnlyList<BudgetLine> Lines, BudgetTotals Totals);

/// <summary>Everything the annual report shows, computed from storage; totals are recomputed, never copied.</summary>
public sealed record AnnualReportModel(Departement Departement, int Year, DateOnly GeneratedOn, IReadOnlyList<EngagementBudget> Engagements, BudgetTotals Total)
{
    public bool HasFinancialData => Engagements.Count > 0;

    public static AnnualReportModel Build(Departement departement, int year, DateOnly generatedOn, IEnumerable<BudgetLine> lines)
    {
        var ordered = lines.OrderBy(l => l.Order).ToList();
        var engagements = ordered.GroupBy(l => l.Engagement)
            .Select(g => new EngagementBudget(g.Key, g.ToList(), BudgetTotals.Of(g)))
            .ToList();
        return new AnnualReportModel(departement, year, generatedOn, engagements, BudgetTotals.Of(ordered));
    }
}
