using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>The timer's work, shared by the timer function, the standalone scheduler and the on-demand route.</summary>
public sealed class ConsolidationRunner(ConsolidationPlanner planner, MonthlyConsolidator consolidator, TimeProvider clock, ILogger<ConsolidationRunner> logger)
{
    /// <summary>Consolidates every département that has something due; a busy one is skipped (the next run takes it), never the ones after it.</summary>
    public async Task<IReadOnlyList<ConsolidationSummary>> RunDueAsync(string trigger, Departement? only = null, CancellationToken cancellationToken = default)
    {
        var summaries = new List<ConsolidationSummary>();
        foreach (var plan in await planner.PlanAsync(clock.GetUtcNow(), only, cancellationToken))
        {
            try
            {
                summaries.Add(await consolidator.ConsolidateAsync(plan.Departement, plan.Months, trigger, cancellationToken));
            }
            catch (DepartementBusyException ex)
            {
                logger.LogInformation("Consolidation of {Departement} skipped: {Reason}", plan.Departement, ex.Message);
            }
        }

        return summaries;
    }
}
