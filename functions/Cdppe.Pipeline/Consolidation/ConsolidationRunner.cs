using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Runs over several départements, shared by the timer function, the standalone scheduler, the on-demand route and
/// the national year: up to <see cref="ConsolidationOptions.MaxParallelDepartements"/> départements at once (each is
/// its own partition), a busy one skipped (the next run takes it), never the ones after it.
/// </summary>
public sealed class ConsolidationRunner(ConsolidationPlanner planner, MonthlyConsolidator consolidator, TimeProvider clock, IOptions<ConsolidationOptions> options, ILogger<ConsolidationRunner> logger)
{
    /// <summary>Consolidates every département that has something due. Each summary says which months were left out and why (outside the contracts' periods).</summary>
    public async Task<IReadOnlyList<ConsolidationSummary>> RunDueAsync(string trigger, Departement? only = null, CancellationToken cancellationToken = default) =>
        await ForEachAsync(await planner.PlanAsync(clock.GetUtcNow(), only, cancellationToken), trigger, cancellationToken);

    /// <summary>
    /// The national year: every finished month of <paramref name="year"/> of every département with data (or of
    /// <paramref name="departements"/>), within each one's contract windows, whatever was consolidated before
    /// (an unchanged month costs its fingerprint only).
    /// </summary>
    public async Task<IReadOnlyList<ConsolidationSummary>> ConsolidateYearAsync(int year, string trigger, IReadOnlyList<Departement>? departements = null, CancellationToken cancellationToken = default)
    {
        var months = YearMonth.Range(new YearMonth(year, 1), new YearMonth(year, 12)).ToList();
        var now = clock.GetUtcNow();
        var all = departements ?? await planner.DepartementsAsync(cancellationToken);
        var summaries = new ConsolidationSummary?[all.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), Parallelism(cancellationToken), async (i, token) =>
        {
            // Each département is planned as it comes, so that its reads overlap the others' writes.
            var plan = await planner.WithinWindowsAsync(all[i], months, now, token);
            summaries[i] = plan.Months.Count > 0 || plan.Skipped.Count > 0 ? await OneAsync(plan, trigger, token) : null;
        });
        return summaries.OfType<ConsolidationSummary>().ToList();
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Value.MaxParallelDepartements, CancellationToken = cancellationToken };

    /// <summary>Consolidates the plans, several départements at once; the summaries in the plans' order, busy ones left out.</summary>
    private async Task<IReadOnlyList<ConsolidationSummary>> ForEachAsync(IReadOnlyList<ConsolidationPlan> plans, string trigger, CancellationToken cancellationToken)
    {
        var summaries = new ConsolidationSummary?[plans.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count), Parallelism(cancellationToken), async (i, token) => summaries[i] = await OneAsync(plans[i], trigger, token));
        return summaries.OfType<ConsolidationSummary>().ToList();
    }

    private async Task<ConsolidationSummary?> OneAsync(ConsolidationPlan plan, string trigger, CancellationToken cancellationToken)
    {
        var skipped = plan.Skipped.Select(s => s.ToString()).ToList();
        foreach (var range in skipped)
        {
            logger.LogInformation("Consolidation of {Departement} leaves out {Months}", plan.Departement, range);
        }

        if (plan.Months.Count == 0)
        {
            return new ConsolidationSummary(plan.Departement.Code, string.Empty, [], 0, 0, 0, []) { Skipped = skipped };
        }

        try
        {
            return await consolidator.ConsolidateAsync(plan.Departement, plan.Months, trigger, cancellationToken) with { Skipped = skipped };
        }
        catch (DepartementBusyException ex)
        {
            logger.LogInformation("Consolidation of {Departement} skipped: {Reason}", plan.Departement, ex.Message);
            return null;
        }
    }
}
