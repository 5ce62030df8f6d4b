using System.Text.Json;
using Azure;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Reads what the report of a year needs about its contract: the contract in force, in an avenant year the annexe
/// 2.1 that details the year (by the ingestion that brought it: the table rows, else the ingestion's stored content),
/// and the date of the last consolidation of the year's months. Fiches, bilans and indicators of another period are
/// left out by <see cref="BelongsToPeriod"/>.
/// </summary>
public sealed class ContractPeriodReader(CdppeStorage storage)
{
    public async Task<ContractPeriodInputs> ReadAsync(string partition, int year, IReadOnlyList<BudgetLine> budgetLines, CancellationToken cancellationToken = default)
    {
        var contracts = await new ContractService(storage).ListAsync(partition, cancellationToken);
        var inForce = ContractModel.InForce(contracts, year);
        var plan = inForce?.Shape == ContractShape.Avenant ? inForce.PlanFor(year, Annexe21Parser.KindName) : null;
        var annexe = plan is null ? [] : await AnnexeOfAsync(partition, plan, cancellationToken);
        return new ContractPeriodInputs
        {
            InForce = inForce,
            AnnexePlan = annexe.Count > 0 ? plan : null,
            Annexe = annexe,
            ActionLines = annexe.Count > 0 ? budgetLines : [],
            ConsolidatedAt = await ConsolidatedAtAsync(partition, year, cancellationToken),
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

    private async Task<IReadOnlyList<ObjectivePlan>> AnnexeOfAsync(string partition, ContractPlan plan, CancellationToken cancellationToken)
    {
        var id = plan.IngestionId;
        var kind = plan.Kind;
        var lines = new List<ObjectivePlan>();
        await foreach (var e in storage.Table(TableNames.Objectives).QueryAsync<ObjectivePlanEntity>(e => e.PartitionKey == partition && e.Kind == kind && e.IngestionId == id, cancellationToken: cancellationToken))
        {
            lines.Add(PlanMappings.PlanFrom(e));
        }

        if (lines.Count > 0)
        {
            return lines.OrderBy(l => l.Order).ToList();
        }

        // The rows were replaced since (a later drop of the same period): the ingestion's content stays readable.
        try
        {
            var blob = await storage.IngestionReports.GetBlobClient($"{partition}/{id}.data.json").DownloadContentAsync(cancellationToken);
            var data = JsonSerializer.Deserialize<IngestionData>(blob.Value.Content.ToString(), IngestionReport.JsonOptions);
            return (data?.ObjectivePlans ?? []).Where(p => p.Kind == kind).OrderBy(l => l.Order).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    private async Task<DateTimeOffset?> ConsolidatedAtAsync(string partition, int year, CancellationToken cancellationToken)
    {
        var prefix = MonthlyConsolidator.MonthMarkerKey(new YearMonth(year, 1))[..^2];
        DateTimeOffset? latest = null;
        await foreach (var m in storage.Table(TableNames.ConsolidationRuns).QueryAsync<ConsolidationRunEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, select: ["EndedAt"], cancellationToken: cancellationToken))
        {
            latest = latest is { } l && l >= m.EndedAt ? l : m.EndedAt;
        }

        return latest;
    }
}
