using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Reads what the report of a year needs about its contract, through the same dataset pointers as the rest of the
/// report: the contract in force, in an avenant year the annexe 2.1 that details the year, and when the year's months
/// were last consolidated. Fiches and indicators of another period are left out by <see cref="BelongsToPeriod"/>.
/// </summary>
public sealed class ContractPeriodReader(ContractService contracts, ObjectiveStore objectives, ConsolidationRunStore runs)
{
    public async Task<ContractPeriodInputs> ReadAsync(DatasetHead head, int year, IReadOnlyList<BudgetLine> budgetLines, CancellationToken cancellationToken = default)
    {
        var inForce = ContractModel.InForce(await contracts.ListAsync(head, cancellationToken), year);
        var plan = inForce?.Shape == ContractShape.Avenant ? inForce.PlanFor(year, WorkbookKinds.Annexe21) : null;
        var annexe = plan is null ? [] : await objectives.CurrentAsync(head, plan.Kind, Years.Label(plan.Years), cancellationToken);
        var consolidated = (await runs.ConsolidatedAtAsync(head.Partition, cancellationToken)).Where(m => m.Key.Year == year).Select(m => (DateTimeOffset?)m.Value).Max();
        return new ContractPeriodInputs
        {
            InForce = inForce,
            AnnexePlan = annexe.Count > 0 ? plan : null,
            Annexe = annexe,
            ActionLines = annexe.Count > 0 ? budgetLines : [],
            ConsolidatedAt = consolidated,
        };
    }

    /// <summary>
    /// Whether an indicator belongs to the report of the contract in force: it has a monthly value in the year, or a
    /// target or achieved value in a year of the contract's period, or (the plan d'action's indicators without any
    /// yearly figure) no yearly figure at all under a contract by fiche action.
    /// </summary>
    public static bool BelongsToPeriod(IndicatorDefinition indicator, Contract? inForce, IReadOnlySet<string> withSnapshots)
    {
        if (inForce is null || withSnapshots.Contains(indicator.Code))
        {
            return true;
        }

        var years = indicator.Targets.Keys.Concat(indicator.Achieved.Keys).ToList();
        return years.Count == 0 ? inForce.Shape == ContractShape.Contrat : years.Any(inForce.Covers);
    }
}
