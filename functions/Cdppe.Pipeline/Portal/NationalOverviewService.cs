using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// Builds <see cref="NationalOverview"/> from the départements' stored summaries of the year
/// (<see cref="DepartementSummaries"/>: two partitions read, and only the summaries of départements that changed
/// since computed again), never from every département's report model at each view.
/// </summary>
public sealed class NationalOverviewService(DepartementSummaries summaries)
{
    public async Task<NationalOverview> BuildAsync(int year, CancellationToken cancellationToken = default)
    {
        var all = await summaries.YearAsync(year, cancellationToken);
        var lines = new List<DepartementLine>();
        var counts = new Dictionary<string, (string Label, decimal Total, int Departements)>(StringComparer.Ordinal);
        var months = new Dictionary<string, List<(string Departement, string Month)>>(StringComparer.Ordinal);
        foreach (var summary in all)
        {
            var dropped = summary.KindsDropped.ToHashSet(StringComparer.Ordinal);
            var missing = ReportKinds.Required.Where(k => !dropped.Contains(k)).Select(k => new KindLabel(k, ReportKinds.Label(k))).ToList();
            lines.Add(new DepartementLine(
                summary.Departement,
                summary.Name,
                summary.Drops,
                summary.Accepted,
                summary.Rejected,
                summary.LastDrop,
                ReportKinds.Required.Count - missing.Count,
                ReportKinds.Required.Count,
                missing,
                summary.MissingMonths,
                Figures(summary),
                summary.LatestMonth is { } month ? DepartementOverviewService.MonthLabel(month) : null));
            foreach (var count in summary.Counts)
            {
                var (label, total, deps) = counts.GetValueOrDefault(count.Code, (count.Label, 0m, 0));
                counts[count.Code] = (label, total + count.Value, deps + 1);
                var asOf = count.Month is { } achieved ? DepartementOverviewService.MonthLabel(achieved) : string.Create(CultureInfo.InvariantCulture, $"année {year}");
                (months.TryGetValue(count.Code, out var list) ? list : months[count.Code] = []).Add((summary.Departement, asOf));
            }
        }

        return new NationalOverview(
            year,
            lines,
            BudgetTotals.Sum(all.Select(DepartementSummaryBuilder.Budget)),
            counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Count(c.Key, c.Value, months[c.Key])).ToList());
    }

    /// <summary>The key figures of a summary, as the Accueil gives them from the report model.</summary>
    private static KeyFigures Figures(DepartementSummary s) =>
        new(s.BudgetGlobal, s.ConsumedCumulative, s.BudgetGlobal > 0 ? s.ConsumedCumulative / s.BudgetGlobal : null, s.Indicators, s.IndicatorsByStatus)
        {
            Period = s.Period,
            ContextSeries = s.ContextSeries,
        };

    private static NationalCount Count(string code, (string Label, decimal Total, int Departements) count, List<(string Departement, string Month)> months)
    {
        var distinct = months.Select(m => m.Month).Distinct(StringComparer.Ordinal).ToList();
        return new NationalCount(code, count.Label, count.Total, count.Departements)
        {
            Months = distinct.Count == 1 ? distinct[0] : string.Join(", ", months.Select(m => $"{m.Month} ({m.Departement})")),
            MixedMonths = distinct.Count > 1,
        };
    }
}
