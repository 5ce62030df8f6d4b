using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>The timer's work, shared by the timer function, the standalone scheduler and the on-demand route.</summary>
public sealed class ConsolidationRunner(ConsolidationPlanner planner, MonthlyConsolidator consolidator, TimeProvider clock, ILogger<ConsolidationRunner> logger)
{
    public async Task<IReadOnlyList<ConsolidationSummary>> RunDueAsync(string trigger, Departement? only = null, CancellationToken cancellationToken = default)
    {
        var summaries = new List<ConsolidationSummary>();
        foreach (var plan in await planner.PlanAsync(clock.GetUtcNow(), only, cancellationToken))
        {
            try
            {
                summaries.Add(await consolidator.ConsolidateAsync(plan.Departement, plan.Months, trigger, cancellationToken));
            }
            catch (ConsolidationBusyException)
            {
                logger.LogInformation("Consolidation of {Departement} is already running; skipped", plan.Departement);
            }
        }

        return summaries;
    }
}
