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
/// </summary>
public sealed class IngestionConsolidation(ContractService contracts, ConsolidationPlanner planner, MonthlyConsolidator consolidator, IndicatorValueStore values, TimeProvider clock, ILogger<IngestionConsolidation> logger)
{
    public const string Trigger = "ingestion";

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

        var plan = await planner.WithinWindowsAsync(departement.Value, months, clock.GetUtcNow(), cancellationToken);
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
            return await consolidator.ConsolidateAsync(departement.Value, plan.Months, Trigger, cancellationToken) with { Skipped = plan.Skipped.Select(s => s.ToString()).ToList() };
        }
        catch (DepartementBusyException ex)
        {
            logger.LogInformation("Consolidation after the ingestion into {Departement} left to the timer: {Reason}", partition, ex.Message);
            return null;
        }
    }
}
