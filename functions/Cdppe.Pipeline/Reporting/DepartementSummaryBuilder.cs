using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The one computation of a <see cref="DepartementSummary"/> from a département's records, its report model of the year and its last consolidation.</summary>
public static class DepartementSummaryBuilder
{
    public static DepartementSummary Build(AnnualReportModel model, bool hasData, IReadOnlyList<IngestionRecord> records, DateTimeOffset? lastConsolidation, string sourceVersion, DateTimeOffset computedAt)
    {
        var year = model.Year;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var dropped = records
            .Where(r => r.Status == IngestionStatus.Accepted)
            .Where(r => r.Years.Count == 0 || r.Years.Contains(yearText))
            .SelectMany(r => r.Kinds)
            .ToHashSet(StringComparer.Ordinal);
        var total = model.Total;
        return new DepartementSummary
        {
            Departement = model.Departement.Code,
            Year = year,
            Name = model.DepartementName,
            HasData = hasData,
            Drops = records.Count,
            Accepted = records.Count(r => r.Status == IngestionStatus.Accepted),
            Rejected = records.Count(r => r.Status == IngestionStatus.Rejected),
            LastDrop = records.Count == 0 ? null : records.Max(r => r.ReceivedAt),
            KindsDropped = WorkbookKinds.Labels.Select(k => k.Kind).Where(dropped.Contains).ToList(),
            MissingMonths = model.Quality.Gaps.Count,
            BudgetGlobal = total.BudgetGlobal,
            BudgetDepartement = total.Departement,
            Fir = total.Fir,
            Etat = total.Etat,
            Ondam = total.Ondam,
            ConsumedBefore = total.ConsumedBefore,
            ConsumedInYear = total.ConsumedInYear,
            ConsumedCumulative = total.ConsumedCumulative,
            Period = model.PeriodStart == year ? yearText : string.Create(CultureInfo.InvariantCulture, $"{model.PeriodStart}-{year}"),
            Indicators = model.Indicators.Count,
            ContextSeries = model.Indicators.Count(i => i.IsContext),
            IndicatorsByStatus = model.Indicators.Where(i => !i.IsContext).GroupBy(i => i.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            LatestMonth = model.Indicators.Select(x => x.AchievedMonth).Where(m => m is not null).Max(),
            Counts = model.Indicators
                .Where(x => x.Kind == IndicatorKind.Count && x.AchievedInYear is { Value: not null, IsPercent: false })
                .Select(x => new SummaryCount(x.Code, x.Label, x.AchievedInYear!.Value!.Value, x.AchievedMonth))
                .ToList(),
            LastConsolidation = lastConsolidation,
            SourceVersion = sourceVersion,
            ComputedAt = computedAt,
        };
    }

    /// <summary>The summary's budget columns as the report's totals.</summary>
    public static BudgetTotals Budget(DepartementSummary s) =>
        new(s.BudgetGlobal, s.BudgetDepartement, s.Fir, s.Etat, s.Ondam, s.ConsumedBefore, s.ConsumedInYear, s.ConsumedCumulative);
}
