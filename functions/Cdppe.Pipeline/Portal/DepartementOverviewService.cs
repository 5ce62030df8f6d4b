using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>Builds <see cref="DepartementOverview"/> from the ingestion records and the report's own model of the year.</summary>
public sealed class DepartementOverviewService(PortalReader reader, AnnualReportService reports)
{
    public const int LastDropCount = 5;

    public async Task<DepartementOverview> BuildAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        // Three independent reads: the page waits for the longest, not for their sum.
        var recordsRead = reader.IngestionsAsync(departement, cancellationToken);
        var inputsRead = reports.LoadInputsAsync(departement, year, cancellationToken);
        var lastConsolidationRead = reader.LastConsolidationAsync(departement, cancellationToken);
        await Task.WhenAll(recordsRead, inputsRead, lastConsolidationRead);
        var (records, inputs) = (await recordsRead, await inputsRead);
        var model = AnnualReportModel.Build(inputs);
        return new DepartementOverview(
            departement.Code,
            model.DepartementName,
            year,
            records.Take(LastDropCount).Select(DropSummary.From).ToList(),
            MissingKinds(records, year),
            model.Quality.Gaps.Select(g => new MissingMonth(g.Month.ToString(), MonthLabel(g.Month), g.Missing, g.Known, g.NotConsolidated, g.Labels)).ToList(),
            model.Quality.Unreliable.Select(u => new UnreliableValue(u.Code, u.Label, u.Months.Select(m => m.ToString()).ToList(), u.LastValue)).ToList(),
            await lastConsolidationRead,
            !inputs.IsEmpty,
            KeyFigures.From(model));
    }

    /// <summary>The kinds the year's report reads that no accepted drop covers (a drop without years covers every year).</summary>
    public static IReadOnlyList<KindLabel> MissingKinds(IEnumerable<IngestionRecord> records, int year)
    {
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var present = records
            .Where(r => r.Status == IngestionStatus.Accepted)
            .Where(r => r.Years.Count == 0 || r.Years.Contains(yearText))
            .SelectMany(r => r.Kinds)
            .ToHashSet(StringComparer.Ordinal);
        return ReportKinds.Required.Where(k => !present.Contains(k)).Select(k => new KindLabel(k, ReportKinds.Label(k))).ToList();
    }

    /// <summary>"octobre 2022".</summary>
    public static string MonthLabel(YearMonth month) => new DateOnly(month.Year, month.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture);

    /// <summary>The statuses in the order pages show them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [.. new[] { SnapshotStatus.Reached, SnapshotStatus.OnTrack, SnapshotStatus.Late, SnapshotStatus.Missing, SnapshotStatus.NoTarget }.Select(s => s.Label())];
}
