using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The indicators of <see cref="AnnualReportModel"/>: each one's target, achieved value and status for the year, the achieved value by <see cref="AchievementRule"/>.</summary>
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
            // The year's value by the one rule the exports use too (AchievementRule).
            var level = AchievementRule.Of(d, snapshots.GetValueOrDefault(d.Code) ?? [], year);
            var annual = level is { IsAnnual: true } ? level.Figure : null;
            var target = d.Targets.GetValueOrDefault(year);
            var achieved = level?.Figure;
            // Against the targets known now (a snapshot keeps the status of the day it was consolidated).
            var month = annual is null && level?.Snapshot is { } shown ? shown.Month : december;
            var evaluated = StatusEvaluator.Evaluate(d, month, achieved?.Value, achieved?.Text, target);
            var unreliable = annual is null && level is { LaterMonthsUnreliable: true };
            var status = unreliable ? AnnualReportModel.UnreliableStatus : evaluated.Label();
            var basis = IndicatorReport.IsContextSeries(d) ? StatusBasis.Context
                : unreliable ? StatusBasis.Unreliable(level!.ReliableUntil)
                : StatusBasis.Of(evaluated, d.Kind, month, target?.Value, target?.Text, target?.IsPercent ?? achieved?.IsPercent ?? false);
            result.Add(new IndicatorReport
            {
                Definition = achieved is null || annual is not null ? d : d with { Achieved = new Dictionary<int, IndicatorFigure>(d.Achieved) { [year] = achieved } },
                Target = target,
                AchievedInYear = achieved,
                AchievedMonth = level?.Month,
                Status = IndicatorReport.IsContextSeries(d) ? string.Empty : status,
                StatusBasis = basis,
                Reliable = level?.Reliable ?? true,
                ReliableUntil = level is { LaterMonthsUnreliable: true } ? level.ReliableUntil : null,
                Months = snapshots.GetValueOrDefault(d.Code) ?? [],
            });
        }

        // Indicators known only from the monthly follow-up: no target, so a context series.
        foreach (var (code, series) in snapshots.Where(s => result.All(r => r.Code != s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var level = AchievementRule.FromMonths(series);
            result.Add(new IndicatorReport
            {
                Definition = new IndicatorDefinition { Code = code, Label = series[^1].Label },
                AchievedInYear = level?.Figure,
                AchievedMonth = level?.Month,
                Status = string.Empty,
                StatusBasis = StatusBasis.Context,
                Reliable = level?.Reliable ?? true,
                ReliableUntil = level is { LaterMonthsUnreliable: true } ? level.ReliableUntil : null,
                Months = series,
            });
        }

        return result;
    }
}
