using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The indicators of <see cref="AnnualReportModel"/>: each one's target, achieved value and status for the year, annual figures first, else the monthly follow-up.</summary>
internal static class IndicatorReportBuilder
{
    public static List<IndicatorReport> Build(ReportInputs inputs)
    {
        var year = inputs.Year;
        var snapshots = inputs.Snapshots.Where(s => s.Month.Year == year).GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Month).ToList(), StringComparer.Ordinal);
        var result = new List<IndicatorReport>();
        var december = new YearMonth(year, 12);
        foreach (var d in inputs.Indicators)
        {
            var annual = d.Achieved.GetValueOrDefault(year);
            var target = d.Targets.GetValueOrDefault(year);
            var monthly = MonthlyValue(snapshots.GetValueOrDefault(d.Code) ?? []);
            var achieved = annual ?? monthly.Figure;
            // Against the targets known now (a snapshot keeps the status of the day it was consolidated).
            var month = annual is null && monthly.Snapshot is { } shown ? shown.Month : december;
            var evaluated = StatusEvaluator.Evaluate(d, month, achieved?.Value, achieved?.Text, target);
            var unreliable = annual is null && monthly.Snapshot is not null && monthly.Unreliable;
            var status = unreliable ? AnnualReportModel.UnreliableStatus : evaluated.Label();
            var basis = IndicatorReport.IsContextSeries(d) ? StatusBasis.Context
                : unreliable ? StatusBasis.Unreliable(monthly.ReliableUntil)
                : StatusBasis.Of(evaluated, d.Kind, month, target?.Value, target?.Text, target?.IsPercent ?? achieved?.IsPercent ?? false);
            result.Add(new IndicatorReport
            {
                Definition = achieved is null || annual is not null ? d : d with { Achieved = new Dictionary<int, IndicatorFigure>(d.Achieved) { [year] = achieved } },
                Target = target,
                AchievedInYear = achieved,
                AchievedMonth = annual is null ? monthly.Snapshot?.Month : null,
                Status = IndicatorReport.IsContextSeries(d) ? string.Empty : status,
                StatusBasis = basis,
                Reliable = annual is not null || !monthly.Unreliable,
                ReliableUntil = annual is null && monthly.Unreliable ? monthly.ReliableUntil : null,
            });
        }

        // Indicators known only from the monthly follow-up: no target, so a context series.
        foreach (var (code, series) in snapshots.Where(s => result.All(r => r.Code != s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var monthly = MonthlyValue(series);
            result.Add(new IndicatorReport
            {
                Definition = new IndicatorDefinition { Code = code, Label = series[^1].Label },
                AchievedInYear = monthly.Figure,
                AchievedMonth = monthly.Snapshot?.Month,
                Status = string.Empty,
                StatusBasis = StatusBasis.Context,
                Reliable = !monthly.Unreliable,
                ReliableUntil = monthly.Unreliable ? monthly.ReliableUntil : null,
            });
        }

        return result;
    }

    /// <summary>The value of the year from the monthly snapshots: the latest one, or the last reliable one when the latest is unreliable.</summary>
    private static (MonthlySnapshot? Snapshot, IndicatorFigure? Figure, bool Unreliable, YearMonth? ReliableUntil) MonthlyValue(IReadOnlyList<MonthlySnapshot> series)
    {
        var withValue = series.Where(s => s.Value is not null || s.Text is not null).ToList();
        if (withValue.Count == 0)
        {
            return (null, null, false, null);
        }

        var latest = withValue[^1];
        var reliable = withValue.LastOrDefault(s => s.Reliable);
        var shown = latest.Reliable ? latest : reliable ?? latest;
        return (shown, new IndicatorFigure(shown.Value, shown.IsPercent, shown.Text), !latest.Reliable, reliable?.Month);
    }
}
