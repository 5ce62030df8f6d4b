using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Decides what is due, in Europe/Paris months, whatever the timer's time zone: every month from the first month
/// with data up to the last finished month that was never consolidated (missed runs, first run) or that received
/// values after its last consolidation (late or corrected uploads) — only within the contracts' periods and their
/// reporting windows (<see cref="ConsolidationWindow"/>); the months outside are listed with the reason.
/// </summary>
public sealed class ConsolidationPlanner(IngestionStore ingestions, IndicatorValueStore values, ConsolidationRunStore runs, ContractService contracts)
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
            var plan = await DueAsync(departement, LastFinishedMonth(now), cancellationToken);
            if (plan.Months.Count > 0 || plan.Skipped.Count > 0)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    /// <summary>Of <paramref name="months"/> (those an ingestion touched), the finished ones inside the département's windows, and those left out.</summary>
    public async Task<ConsolidationPlan> WithinWindowsAsync(Departement departement, IEnumerable<YearMonth> months, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lastFinished = LastFinishedMonth(now);
        var windows = await WindowsAsync(departement, (await values.LatestReceivedAsync(departement.Code, cancellationToken)).Keys, cancellationToken);
        var (inside, skipped) = ConsolidationWindow.Split(months.Where(m => m <= lastFinished).Distinct(), windows);
        return new ConsolidationPlan(departement, inside) { Skipped = skipped };
    }

    private async Task<IReadOnlyList<ConsolidationWindow>> WindowsAsync(Departement departement, IEnumerable<YearMonth> valueMonths, CancellationToken cancellationToken) =>
        ConsolidationWindow.Of(await contracts.ListAsync(departement.Code, cancellationToken), valueMonths);

    /// <summary>The départements with ingestions (those a run over every département looks at).</summary>
    public async Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default) =>
        (await ingestions.PartitionsAsync(cancellationToken))
            .Where(c => c != Departement.UnknownPartition)
            .Select(c => Departement.TryParse(c, out var dep) ? dep : null)
            .OfType<Departement>()
            .ToList();

    private async Task<ConsolidationPlan> DueAsync(Departement departement, YearMonth lastFinished, CancellationToken cancellationToken)
    {
        var latestReceived = await values.LatestReceivedAsync(departement.Code, cancellationToken);
        if (latestReceived.Count == 0)
        {
            return new ConsolidationPlan(departement, []);
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

        var (inside, skipped) = ConsolidationWindow.Split(YearMonth.Range(first, lastFinished), await WindowsAsync(departement, latestReceived.Keys, cancellationToken));
        var due = inside.Where(month => !consolidatedAt.TryGetValue(month, out var at) || (latestReceived.TryGetValue(month, out var received) && received > at)).ToList();
        return new ConsolidationPlan(departement, due) { Skipped = skipped };
    }
}
