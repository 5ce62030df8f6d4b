using System.Globalization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>A département's line of the national page; <see cref="LatestMonth"/>: the latest month of the monthly values its indicators' statuses use ("octobre 2022"), or null.</summary>
public sealed record DepartementLine(
    string Departement,
    string Name,
    int Drops,
    int Accepted,
    int Rejected,
    DateTimeOffset? LastDrop,
    int KindsPresent,
    int KindsRequired,
    IReadOnlyList<KindLabel> MissingKinds,
    int MissingMonths,
    KeyFigures Figures,
    string? LatestMonth)
{
    /// <summary>Share of the kinds the report reads that were dropped for the year (0 to 1).</summary>
    public decimal Completeness => KindsRequired == 0 ? 1 : (decimal)KindsPresent / KindsRequired;
}

/// <summary>
/// A count indicator summed over the départements that reported it for the year, with the month each added value is
/// from (<see cref="Months"/>: "décembre 2022", or "juin 2022 (77), décembre 2022 (68)" when they differ).
/// </summary>
public sealed record NationalCount(string Code, string Label, decimal Total, int Departements)
{
    public string Months { get; init; } = string.Empty;

    /// <summary>Whether the total adds values of different months.</summary>
    public bool MixedMonths { get; init; }
}

/// <summary>The National page: every département with its drops, completeness and key figures, and the national totals (the budget columns of the rapport financier summed over every département).</summary>
public sealed record NationalOverview(int Year, IReadOnlyList<DepartementLine> Departements, BudgetTotals Budget, IReadOnlyList<NationalCount> Counts);

/// <summary>Builds <see cref="NationalOverview"/> from each département's records and report model of the year.</summary>
public sealed class NationalOverviewService(PortalReader reader, AnnualReportService reports)
{
    /// <summary>Départements read at once: each read is of its own partitions, so the page waits for the slowest of a few, not for the sum of all.</summary>
    public const int ParallelReads = 8;

    public async Task<NationalOverview> BuildAsync(int year, CancellationToken cancellationToken = default)
    {
        var departements = await reader.DepartementsAsync(cancellationToken);
        var read = new (IReadOnlyList<IngestionRecord> Records, AnnualReportModel Model)[departements.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, departements.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var records = reader.IngestionsAsync(departements[i], token);
                var model = reports.LoadAsync(departements[i], year, token);
                read[i] = (await records, await model);
            });

        var lines = new List<DepartementLine>();
        var totals = new List<BudgetTotals>();
        var counts = new Dictionary<string, (string Label, decimal Total, int Departements)>(StringComparer.Ordinal);
        var months = new Dictionary<string, List<(string Departement, string Month)>>(StringComparer.Ordinal);
        for (var i = 0; i < departements.Count; i++)
        {
            var (departement, (records, model)) = (departements[i], read[i]);
            var missing = DepartementOverviewService.MissingKinds(records, year);
            var latest = model.Indicators.Select(x => x.AchievedMonth).Where(m => m is not null).Max();
            lines.Add(new DepartementLine(
                departement.Code,
                model.DepartementName,
                records.Count,
                records.Count(r => r.Status == IngestionStatus.Accepted),
                records.Count(r => r.Status == IngestionStatus.Rejected),
                records.Count == 0 ? null : records[0].ReceivedAt,
                ReportKinds.Required.Count - missing.Count,
                ReportKinds.Required.Count,
                missing,
                model.Quality.Gaps.Count,
                KeyFigures.From(model),
                latest is { } month ? DepartementOverviewService.MonthLabel(month) : null));
            totals.Add(model.Total);
            foreach (var indicator in model.Indicators.Where(x => x.Kind == IndicatorKind.Count && x.AchievedInYear is { Value: not null, IsPercent: false }))
            {
                var (label, total, deps) = counts.GetValueOrDefault(indicator.Code, (indicator.Label, 0m, 0));
                counts[indicator.Code] = (label, total + indicator.AchievedInYear!.Value!.Value, deps + 1);
                var asOf = indicator.AchievedMonth is { } achieved ? DepartementOverviewService.MonthLabel(achieved) : string.Create(CultureInfo.InvariantCulture, $"année {year}");
                (months.TryGetValue(indicator.Code, out var list) ? list : months[indicator.Code] = []).Add((departement.Code, asOf));
            }
        }

        return new NationalOverview(
            year,
            lines,
            BudgetTotals.Sum(totals),
            counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Count(c.Key, c.Value, months[c.Key])).ToList());
    }

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
