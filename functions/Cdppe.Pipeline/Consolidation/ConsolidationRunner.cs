using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>The timer's work, shared by the timer function, the standalone scheduler and the on-demand route.</summary>
public sealed class ConsolidationRunner(ConsolidationPlanner planner, MonthlyConsolidator consolidator, TimeProvider clock, ILogger<ConsolidationRunner> logger)
{
    /// <summary>
    /// Consolidates every département that has something due; a busy one is skipped (the next run takes it), never
    /// the ones after it. Each summary says which months were left out and why (outside the contracts' periods).
    /// </summary>
    public async Task<IReadOnlyList<ConsolidationSummary>> RunDueAsync(string trigger, Departement? only = null, CancellationToken cancellationToken = default)
    {
        var summaries = new List<ConsolidationSummary>();
        foreach (var plan in await planner.PlanAsync(clock.GetUtcNow(), only, cancellationToken))
        {
            var skipped = plan.Skipped.Select(s => s.ToString()).ToList();
            foreach (var range in skipped)
            {
                logger.LogInformation("Consolidation of {Departement} leaves out {Months}", plan.Departement, range);
            }

            if (plan.Months.Count == 0)
            {
                summaries.Add(new ConsolidationSummary(plan.Departement.Code, string.Empty, [], 0, 0, 0, []) { Skipped = skipped });
                continue;
            }

            try
            {
                summaries.Add(await consolidator.ConsolidateAsync(plan.Departement, plan.Months, trigger, cancellationToken) with { Skipped = skipped });
            }
            catch (DepartementBusyException ex)
            {
                logger.LogInformation("Consolidation of {Departement} skipped: {Reason}", plan.Departement, ex.Message);
            }
        }

        return summaries;
    }
}
