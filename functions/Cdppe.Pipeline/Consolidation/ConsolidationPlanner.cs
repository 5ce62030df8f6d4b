using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Consolidation;

public sealed record ConsolidationPlan(Departement Departement, IReadOnlyList<YearMonth> Months);

/// <summary>
/// Decides what is due, in Europe/Paris months, whatever the timer's time zone: every month from the first month
/// with data up to the last finished month that was never consolidated (missed runs, first run) or that received
/// values after its last consolidation (late or corrected uploads).
/// </summary>
public sealed class ConsolidationPlanner(IngestionStore ingestions, IndicatorValueStore values, ConsolidationRunStore runs)
{
    public const int MaxMonthsBack = 60;

    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The last finished month in Paris at <paramref name="now"/>.</summary>
    public static YearMonth LastFinishedMonth(DateTimeOffset now) => YearMonth.From(TimeZoneInfo.ConvertTime(now, Paris).DateTime).Previous();

    public async Task<IReadOnlyList<ConsolidationPlan>> PlanAsync(DateTimeOffset now, Departement? only = null, CancellationToken cancellationToken = default)
    {
        var departements = only is { } d ? [d] : await DepartementsAsync(cancellationToken);
        var plans = new List<ConsolidationPlan>();
        foreach (var departement in departements)
        {
            var months = await DueMonthsAsync(departement, LastFinishedMonth(now), cancellationToken);
            if (months.Count > 0)
            {
                plans.Add(new ConsolidationPlan(departement, months));
            }
        }

        return plans;
    }

    private async Task<List<Departement>> DepartementsAsync(CancellationToken cancellationToken) =>
        (await ingestions.PartitionsAsync(cancellationToken))
            .Where(c => c != WorkbookIngestor.UnknownPartition)
            .Select(c => Departement.TryParse(c, out var dep) ? dep : null)
            .OfType<Departement>()
            .ToList();

    private async Task<List<YearMonth>> DueMonthsAsync(Departement departement, YearMonth lastFinished, CancellationToken cancellationToken)
    {
        var latestReceived = await values.LatestReceivedAsync(departement.Code, cancellationToken);
        if (latestReceived.Count == 0)
        {
            return [];
        }

        var consolidatedAt = await runs.ConsolidatedAtAsync(departement.Code, cancellationToken);
        var first = latestReceived.Keys.Min();
        var floor = lastFinished;
        for (var i = 0; i < MaxMonthsBack; i++)
        {
            floor = floor.Previous();
        }

        if (first < floor)
        {
            first = floor;
        }

        var due = new List<YearMonth>();
        foreach (var month in YearMonth.Range(first, lastFinished))
        {
            if (!consolidatedAt.TryGetValue(month, out var at) || (latestReceived.TryGetValue(month, out var received) && received > at))
            {
                due.Add(month);
            }
        }

        return due;
    }
}
