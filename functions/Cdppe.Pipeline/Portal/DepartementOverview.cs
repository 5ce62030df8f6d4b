using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>One dropped file as the portal lists it.</summary>
public sealed record DropSummary(
    string Id,
    string FileName,
    string Status,
    string StatusLabel,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<KindLabel> Kinds,
    IReadOnlyList<string> Years,
    int Errors,
    int Warnings,
    string Summary,
    bool HasAnnotatedCopy,
    IReadOnlyList<string> SupersededBy)
{
    /// <summary>Every problem of the file with its cell (from its ingestion report), when one file is asked for.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IngestionReport.Issue>? Issues { get; init; }

    /// <summary>Who dropped it (« déposé par »), when the drop was recorded.</summary>
    public string? DeposePar { get; init; }

    public static DropSummary From(IngestionRecord e) => new(
        e.Id,
        e.FileName,
        IngestionStatuses.Code(e.Status),
        StatusLabelOf(e.Status),
        e.ReceivedAt,
        e.Kinds.Select(k => new KindLabel(k, ReportKinds.Label(k))).ToList(),
        e.Years,
        e.ErrorCount,
        e.WarningCount,
        e.Summary,
        !string.IsNullOrEmpty(e.AnnotatedPath),
        e.SupersededBy);

    /// <summary>A record's status as users read it: importé, refusé, en échec.</summary>
    public static string StatusLabelOf(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "importé",
        IngestionStatus.Rejected => "refusé",
        _ => "en échec",
    };
}

/// <summary>A month of the year with indicators without value, or never consolidated.</summary>
public sealed record MissingMonth(string Month, string Label, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Indicators);

/// <summary>An indicator with values declared unreliable, and the months concerned.</summary>
public sealed record UnreliableValue(string Code, string Label, IReadOnlyList<string> Months, string? LastValue);

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

/// <summary>The Accueil page of a département: last drops, what the year's report still misses, consolidation date.</summary>
public sealed record DepartementOverview(
    string Departement,
    string Name,
    int Year,
    IReadOnlyList<DropSummary> LastDrops,
    IReadOnlyList<KindLabel> MissingKinds,
    IReadOnlyList<MissingMonth> MissingMonths,
    IReadOnlyList<UnreliableValue> Unreliable,
    DateTimeOffset? LastConsolidation,
    bool ReportAvailable,
    KeyFigures Figures);

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
