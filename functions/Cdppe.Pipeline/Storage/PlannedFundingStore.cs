using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table PlannedFunding: the money the current plan d'action plans per fiche and year (RowKey <c>plan-action|{ingestionId}|F001|2021</c>).</summary>
public sealed class PlannedFundingStore(CdppeStorage storage)
{
    public static PlannedFundingEntity ToEntity(string partition, string ingestionId, PlannedFunding f) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.PlanAction, ingestionId) + string.Create(CultureInfo.InvariantCulture, $"{FicheStore.FicheKey(f.Fiche)}|{f.Year}"),
        Fiche = f.Fiche,
        Year = f.Year,
        MasseSalariale = (double)f.MasseSalariale,
        BudgetDgas = (double)f.BudgetDgas,
        Departement = (double)f.Departement,
        Fir = (double)f.Fir,
        Etat = (double)f.Etat,
        Ondam = (double)f.Ondam,
        Total = (double)f.Total,
        CofinancementSource = f.CofinancementSource,
        IngestionId = ingestionId,
        SourceCell = f.SourceCell,
    };

    public async Task<IReadOnlyList<PlannedFunding>> CurrentAsync(DatasetHead head, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.PlanAction) is { } current
            ? (await storage.Table(TableNames.PlannedFunding).PrefixAsync<PlannedFundingEntity>(head.Partition, DatasetKeys.RowPrefix(DatasetKeys.PlanAction, current), cancellationToken)).Select(FromEntity).ToList()
            : [];

    private static PlannedFunding FromEntity(PlannedFundingEntity e) => new()
    {
        Fiche = e.Fiche,
        Year = e.Year,
        MasseSalariale = (decimal)e.MasseSalariale,
        BudgetDgas = (decimal)e.BudgetDgas,
        Departement = (decimal)e.Departement,
        Fir = (decimal)e.Fir,
        Etat = (decimal)e.Etat,
        Ondam = (decimal)e.Ondam,
        CofinancementSource = e.CofinancementSource,
        SourceCell = e.SourceCell,
    };
}
