using System.Globalization;
using System.Text;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>The Indicateurs page: every indicator's months of a year from the snapshots, statuses from the report's model.</summary>
public sealed class IndicatorSeriesService(AnnualReportService reports, TimeProvider clock)
{
    private static readonly string[] CsvHeader = ["code", "libelle", "mois", "valeur", "cible", "statut", "fiable", "lacune"];

    public async Task<IReadOnlyList<IndicatorSeries>> BuildAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var inputs = await reports.LoadInputsAsync(departement, year, cancellationToken);
        var snapshots = inputs.Snapshots;
        var model = AnnualReportModel.Build(inputs);
        var today = clock.GetLocalNow();
        var lastMonth = year < today.Year ? 12 : Math.Max(1, today.Month - 1);
        var byCode = snapshots.GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Month), StringComparer.Ordinal);
        var result = new List<IndicatorSeries>();
        var ranks = new Dictionary<int, int>();
        foreach (var indicator in model.Indicators.OrderBy(i => i.Objectif ?? int.MaxValue).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            var rows = byCode.GetValueOrDefault(indicator.Code) ?? [];
            var isPercent = indicator.Kind == IndicatorKind.Rate || rows.Values.Any(r => r.IsPercent);
            var months = new List<MonthPoint>();
            for (var m = 1; m <= lastMonth; m++)
            {
                var month = new YearMonth(year, m);
                var label = DepartementOverviewService.MonthLabel(month);
                months.Add(rows.TryGetValue(month, out var s)
                    ? new MonthPoint(month.ToString(), label, s.Value, s.Text, s.Target, s.TargetText, s.Status.Label(), s.Reliable, s.Status == SnapshotStatus.Missing, NotConsolidated: false)
                    : new MonthPoint(month.ToString(), label, null, null, null, null, SnapshotStatus.Missing.Label(), Reliable: true, Gap: true, NotConsolidated: true));
            }

            result.Add(new IndicatorSeries(
                indicator.Code,
                indicator.Label,
                indicator.Objectif,
                KindLabel(indicator.Kind),
                isPercent,
                indicator.IsContext ? "série de contexte" : indicator.Status,
                AnnualReportModel.FigureText(indicator.Target),
                months)
            {
                StatusBasis = indicator.StatusBasis,
                IsContext = indicator.IsContext,
                Ref = indicator.Objectif is { } o ? string.Create(CultureInfo.InvariantCulture, $"{o}.{ranks[o] = ranks.GetValueOrDefault(o) + 1}") : null,
                Engagement = NationalObjectives.Get(indicator.Objectif)?.Engagement,
                ObjectifLabel = NationalObjectives.Get(indicator.Objectif)?.Libelle,
            });
        }

        return result;
    }

    /// <summary>The series as CSV for Excel (fr-FR: <c>;</c>, decimal comma, UTF-8 with BOM, rates as percentages), one row per indicator and month.</summary>
    public static byte[] Csv(IEnumerable<IndicatorSeries> series)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', CsvHeader).Append("\r\n");
        foreach (var s in series)
        {
            foreach (var m in s.Months)
            {
                string[] cells =
                [
                    s.Code, s.Label, m.Month, m.Value is { } v ? SnapshotCsv.Number(v, s.IsPercent) : m.Text ?? string.Empty, m.Target is { } t ? SnapshotCsv.Number(t, s.IsPercent) : m.TargetText ?? string.Empty,
                    m.Status, m.Reliable ? "oui" : "non", m.Gap ? "oui" : "non",
                ];
                text.AppendJoin(';', cells.Select(CsvCell)).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A text cell neutralised as the snapshot export does (<see cref="SnapshotCsv.Text"/>), quoted when it holds the separator, a quote or a line break.</summary>
    public static string CsvCell(string value)
    {
        value = SnapshotCsv.Text(value);
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string KindLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Rate => "taux",
        IndicatorKind.Milestone => "jalon",
        _ => "nombre",
    };
}
