using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The monthly chart of an indicator: January to December of the report year, the months declared reliable as one
/// series, the months declared unreliable as another (triangles, dashed line, named in the legend), and the year's
/// target (a count's pro rata of the months, a rate's target). No series is named « Réalisé »: a value declared
/// unreliable is never shown as the year's achieved value.
/// </summary>
internal static class MonthlyIndicatorChart
{
    private const string Blue = "2F5496";
    private const string Orange = "ED7D31";
    private const string Grey = "A5A5A5";

    /// <summary>The legend of the months declared reliable.</summary>
    public const string ReliableName = "Valeur mensuelle";

    /// <summary>The legend of the months declared unreliable, followed by those months.</summary>
    public const string UnreliableName = "Valeur déclarée non fiable";

    public static ChartData? Of(IndicatorReport i, int year)
    {
        if (!i.HasMonthlyChart)
        {
            return null;
        }

        var byMonth = i.Months.Where(m => m.Month.Year == year).ToDictionary(m => m.Month.Month);
        var months = Enumerable.Range(1, 12).ToList();
        var percent = i.Months.Any(m => m.IsPercent) || (i.Kind == IndicatorKind.Rate && (i.Target?.IsPercent ?? false));
        decimal? Value(int month, bool reliable) => byMonth.TryGetValue(month, out var s) && s.Reliable == reliable ? s.Value : null;

        var series = new List<ChartSeries>();
        if (!i.IsContext && i.Kind != IndicatorKind.Milestone && i.Target?.Value is { } goal)
        {
            series.Add(percent || i.Kind != IndicatorKind.Count
                ? new ChartSeries(FrenchTypography.Apply($"Cible {year} ({(percent ? FrenchFormat.Percent(goal, goal * 100 == decimal.Truncate(goal * 100) ? 0 : 1) : FrenchFormat.Number(goal))})"), months.Select(_ => (decimal?)goal).ToList(), Grey) { Marker = ChartMarker.None }
                : new ChartSeries(FrenchTypography.Apply($"Cible au prorata des mois ({FrenchFormat.Number(goal)} sur l'année)"), months.Select(m => (decimal?)Math.Round(goal * m / 12m, 0, MidpointRounding.AwayFromZero)).ToList(), Grey) { Marker = ChartMarker.None });
        }

        series.Add(new ChartSeries(ReliableName, months.Select(m => Value(m, reliable: true)).ToList(), Blue));
        var unreliable = months.Where(m => Value(m, reliable: false) is not null).Select(m => new YearMonth(year, m)).ToList();
        if (unreliable.Count > 0)
        {
            // « après juin 2022 » when every unreliable month follows the last reliable one, else the months themselves.
            var lastReliable = months.LastOrDefault(m => Value(m, reliable: true) is not null);
            var when = lastReliable > 0 && lastReliable < unreliable[0].Month
                ? "après " + new DateOnly(year, lastReliable, 1).ToString("MMMM yyyy", FrenchFormat.Culture)
                : AnnualReportModel.MonthsPhrase(unreliable);
            series.Add(new ChartSeries($"{UnreliableName} ({when})", months.Select(m => Value(m, reliable: false)).ToList(), Orange) { Marker = ChartMarker.Triangle, Dashed = true });
        }

        var max = series.SelectMany(s => s.Values).OfType<decimal>().DefaultIfEmpty(0).Max();
        return new ChartData(
            ChartKind.Line,
            FrenchTypography.Apply($"{i.Label} : valeurs mensuelles {year}"),
            months.Select(m => new DateOnly(year, m, 1).ToString("MMM", FrenchFormat.Culture)).ToList(),
            series)
        {
            NumberFormat = percent ? FrenchChartFormats.Percent : FrenchChartFormats.Count,
            MajorUnit = percent ? new[] { 0.01m, 0.02m, 0.05m, 0.1m, 0.2m }.FirstOrDefault(step => max / step <= 8, 0.2m) : null,
            WidthCm = 12.5,
            HeightCm = 6.5,
            Description = FrenchTypography.Apply($"Valeurs mensuelles {year} de l'indicateur « {i.Label} »"
                + (unreliable.Count > 0 ? $" ; mois déclarés non fiables, tracés à part (triangles, trait pointillé) : {AnnualReportModel.MonthsPhrase(unreliable)}." : ".")),
        };
    }
}
