using System.Globalization;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// The year's key figures: budget of the rapport financier and consumed over <see cref="Period"/> (the period its
/// columns state: "2020-2022" for the report of 2022), the indicators by status (the context series, which have none,
/// counted apart).
/// </summary>
public sealed record KeyFigures(decimal Budget, decimal Consumed, decimal? Rate, int Indicators, IReadOnlyDictionary<string, int> IndicatorsByStatus)
{
    /// <summary>"2020-2022": the period the budget and consumed amounts cover.</summary>
    public string Period { get; init; } = string.Empty;

    /// <summary>Series that describe the context (births, cohorts): never given a status.</summary>
    public int ContextSeries { get; init; }

    public static KeyFigures From(AnnualReportModel model) => new(
        model.Total.BudgetGlobal,
        model.Total.ConsumedCumulative,
        model.Total.Rate,
        model.Indicators.Count,
        model.Indicators.Where(i => !i.IsContext).GroupBy(i => i.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))
    {
        Period = model.PeriodStart == model.Year ? model.Year.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{model.PeriodStart}-{model.Year}"),
        ContextSeries = model.Indicators.Count(i => i.IsContext),
    };
}
