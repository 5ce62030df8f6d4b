using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The rows of an ingestion, across the versioned tables: planned from a workbook's content (each table's store owns its
/// keys and mapping), then written under the ingestion's id. Nothing written here is visible until the ingestion is
/// committed (<see cref="IngestionStore.CommitAsync"/>): readers follow the dataset pointers, and use additive rows
/// (monthly values) of accepted ingestions only.
/// </summary>
public sealed class DatasetStore(CdppeStorage storage)
{
    public static DatasetPlan Plan(string partition, string id, DateTimeOffset receivedAt, WorkbookContent content)
    {
        var rows = new List<StoredRow>();
        var datasets = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string table, ITableEntity entity, string kind, object source) => rows.Add(new StoredRow(table, entity, kind, source));

        foreach (var line in content.BudgetLines)
        {
            Add(TableNames.BudgetLines, BudgetLineStore.ToEntity(partition, id, line), WorkbookKinds.RapportFinancier, line);
            datasets.Add(DatasetKeys.Budget(line.Year));
        }

        foreach (var value in content.IndicatorValues)
        {
            Add(TableNames.IndicatorValues, IndicatorValueStore.ToEntity(partition, id, receivedAt, value), WorkbookKinds.SuiviMensuel, value);
        }

        if (content.Kinds.Contains(WorkbookKinds.PlanAction))
        {
            datasets.Add(DatasetKeys.PlanAction);
            foreach (var fiche in content.Fiches)
            {
                Add(TableNames.Fiches, FicheStore.ToEntity(partition, id, fiche), WorkbookKinds.PlanAction, fiche);
            }

            foreach (var funding in content.PlannedFunding)
            {
                Add(TableNames.PlannedFunding, PlannedFundingStore.ToEntity(partition, id, funding), WorkbookKinds.PlanAction, funding);
            }
        }

        foreach (var bilan in content.Bilans)
        {
            Add(TableNames.Fiches, FicheStore.ToEntity(partition, id, bilan), WorkbookKinds.BilansFiches, bilan);
            datasets.Add(DatasetKeys.Bilans(bilan.Year));
        }

        foreach (var plan in content.ObjectivePlans)
        {
            Add(TableNames.Objectives, ObjectiveStore.ToEntity(partition, id, plan), plan.Kind, plan);
            datasets.Add(DatasetKeys.Objectives(plan.Kind, plan.Period));
        }

        foreach (var indicator in content.Indicators)
        {
            Add(TableNames.IndicatorSources, IndicatorStore.ToEntity(partition, id, indicator.Kind, indicator.Definition), indicator.Kind, indicator);
            datasets.Add(DatasetKeys.Indicators(indicator.Kind));
        }

        return new DatasetPlan(rows, datasets.ToList());
    }

    /// <summary>Writes the planned rows (batched per table and partition, by size); idempotent, as every key is deterministic.</summary>
    public async Task WriteAsync(DatasetPlan plan, CancellationToken cancellationToken = default)
    {
        foreach (var table in plan.Rows.GroupBy(r => r.Table, StringComparer.Ordinal))
        {
            await TableBatches.UpsertAsync(storage.Table(table.Key), table.Select(r => r.Entity), cancellationToken);
        }
    }
}
