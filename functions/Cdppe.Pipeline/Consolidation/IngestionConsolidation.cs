using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// What follows an accepted ingestion, so that a report downloaded right after a drop is never stale: the contracts
/// are derived again when the workbook brought a plan, and the months it touches — those of its monthly values, and
/// the months already holding values of the years whose targets it states — are consolidated at once, within the
/// contracts' periods and reporting windows. The timer stays the safety net: when a consolidation of the département
/// is running, this one gives up and the timer catches the months up (they received values after their last run).
/// Several ingestions run through <see cref="MergedAsync"/> (the standalone watcher's lane of a département, which
/// takes every file dropped together) consolidate once at the end, the months of all of them merged.
/// </summary>
public sealed class IngestionConsolidation(ContractService contracts, ConsolidationPlanner planner, MonthlyConsolidator consolidator, IndicatorValueStore values, TimeProvider clock, ILogger<IngestionConsolidation> logger)
{
    public const string Trigger = "ingestion";

    /// <summary>The months left to consolidate by the <see cref="MergedAsync"/> call these ingestions run within, by département.</summary>
    private static readonly AsyncLocal<Dictionary<Departement, HashSet<YearMonth>>?> Deferred = new();

    /// <summary>
    /// Runs <paramref name="ingestions"/> with their consolidations deferred, then consolidates the months they touched
    /// once per département: six workbooks dropped together consolidate once, not six times.
    /// </summary>
    public async Task MergedAsync(Func<Task> ingestions, CancellationToken cancellationToken = default)
    {
        var deferred = new Dictionary<Departement, HashSet<YearMonth>>();
        Deferred.Value = deferred;
        try
        {
            await ingestions();
        }
        finally
        {
            Deferred.Value = null;
        }

        // Not when an ingestion threw (the host is stopping): the timer catches those months up.
        foreach (var (departement, months) in deferred)
        {
            await ConsolidateAsync(departement, months, cancellationToken);
        }
    }

    public async Task<ConsolidationSummary?> AfterIngestionAsync(string partition, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        if (!Departement.TryParse(partition, out var departement))
        {
            return null;
        }

        if (content.Kinds.Any(k => ContractModel.ShapeOf(k) is not null))
        {
            await contracts.ListAsync(partition, cancellationToken);
        }

        var months = content.IndicatorValues.Select(v => v.Period).ToHashSet();
        var targetYears = content.Indicators.SelectMany(i => i.Definition.Targets.Keys).ToHashSet();
        if (targetYears.Count > 0)
        {
            months.UnionWith((await values.LatestReceivedAsync(partition, cancellationToken)).Keys.Where(m => targetYears.Contains(m.Year)));
        }

        if (months.Count == 0)
        {
            return null;
        }

        if (Deferred.Value is { } deferred)
        {
            if (!deferred.TryGetValue(departement.Value, out var pending))
            {
                deferred[departement.Value] = pending = [];
            }

            pending.UnionWith(months);
            return null;
        }

        return await ConsolidateAsync(departement.Value, months, cancellationToken);
    }

    private async Task<ConsolidationSummary?> ConsolidateAsync(Departement departement, HashSet<YearMonth> months, CancellationToken cancellationToken)
    {
        var partition = departement.Code;
        var plan = await planner.WithinWindowsAsync(departement, months, clock.GetUtcNow(), cancellationToken);
        foreach (var range in plan.Skipped)
        {
            logger.LogInformation("Consolidation after the ingestion into {Departement} leaves out {Months}", partition, range);
        }

        if (plan.Months.Count == 0)
        {
            return null;
        }

        try
        {
            return await consolidator.ConsolidateAsync(departement, plan.Months, Trigger, cancellationToken) with { Skipped = plan.Skipped.Select(s => s.ToString()).ToList() };
        }
        catch (DepartementBusyException ex)
        {
            logger.LogInformation("Consolidation after the ingestion into {Departement} left to the timer: {Reason}", partition, ex.Message);
            return null;
        }
    }
}
