using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Writes an accepted workbook's content. Each kind replaces what the same kind said before for the département
/// (its "scope": a year of the rapport financier or of the bilans, a plan's period, the plan d'action, the tableau de
/// bord) and leaves the other kinds alone; the ingestions whose rows were replaced are returned so that their records
/// can say so. Suivi-mensuel values are never replaced: every upload's values stay, keyed by ingestion, and the
/// consolidation takes the latest. Budget lines are versioned by ingestion behind a pointer (<see cref="DatasetStore"/>).
/// The other tables keep the fixed keys their readers use (Fiches <c>F001</c>, Indicators by code): writes are batched
/// per partition (100 operations), new rows are written before stale ones are deleted, so a reader never sees a
/// scope empty, and a crash is repaired by the retry that follows (every key is deterministic, the ingestion record
/// is written last).
/// </summary>
public sealed class IngestionStore(CdppeStorage storage)
{
    /// <summary>Replaced ingestions: ingestion id → the kinds this drop replaced in it.</summary>
    public sealed class Superseded : Dictionary<string, SortedSet<string>>
    {
        public void Add(string ingestionId, string kind)
        {
            if (!TryGetValue(ingestionId, out var kinds))
            {
                kinds = new SortedSet<string>(StringComparer.Ordinal);
                this[ingestionId] = kinds;
            }

            kinds.Add(kind);
        }
    }

    public async Task<Superseded> StoreAsync(string partition, string sha, DateTimeOffset receivedAt, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        var superseded = new Superseded();
        var kinds = content.Kinds.ToHashSet(StringComparer.Ordinal);

        if (kinds.Contains(RapportFinancierParser.KindName))
        {
            // Budget lines are versioned (rows under the ingestion id, one pointer write per year): see DatasetStore.
            var datasets = new DatasetStore(storage);
            foreach (var year in content.BudgetLines.Select(l => l.Year).Distinct())
            {
                var previous = await datasets.CurrentAsync(partition, BudgetLineMapping.Kind, year, cancellationToken);
                var rows = content.BudgetLines.Where(l => l.Year == year).Select(l => BudgetLineMapping.ToEntity(partition, sha, l));
                await TableBatches.UpsertAsync(storage.Table(TableNames.BudgetLines), rows, cancellationToken);
                await datasets.SetCurrentAsync(partition, BudgetLineMapping.Kind, year, sha, receivedAt, cancellationToken);
                if (previous is not null)
                {
                    superseded.Add(previous, RapportFinancierParser.KindName);
                }
            }
        }

        if (content.IndicatorValues.Count > 0)
        {
            var values = content.IndicatorValues.Select(v => new IndicatorValueEntity
            {
                PartitionKey = partition,
                RowKey = $"{v.Period}|{v.Code}|{sha}",
                Code = v.Code,
                Label = v.Label,
                Period = v.Period.ToString(),
                Value = v.Value is { } d ? (double)d : null,
                IsPercent = v.IsPercent,
                Text = v.Text,
                Source = v.Source,
                Reliable = v.Reliable,
                Comment = v.Comment,
                IngestionId = sha,
                ReceivedAt = receivedAt,
                SourceCell = v.SourceCell,
            });
            await TableBatches.UpsertAsync(storage.Table(TableNames.IndicatorValues), values, cancellationToken);
        }

        var fiches = storage.Table(TableNames.Fiches);
        if (kinds.Contains(PlanActionParser.KindName))
        {
            var definitions = content.Fiches.Select(f => PlanMappings.ToEntity(partition, sha, PlanActionParser.KindName, f)).ToList();
            await ReplaceScopeAsync<FicheEntity>(fiches, partition, "F", definitions, e => e.Year == 0 && e.SourceKind != BilansFichesParser.KindName, e => e.IngestionId, PlanActionParser.KindName, sha, superseded, cancellationToken);
            var funding = content.PlannedFunding.Select(f => PlanMappings.ToEntity(partition, sha, f)).ToList();
            await ReplaceScopeAsync<PlannedFundingEntity>(storage.Table(TableNames.PlannedFunding), partition, "F", funding, _ => true, e => e.IngestionId, PlanActionParser.KindName, sha, superseded, cancellationToken);
        }

        if (kinds.Contains(BilansFichesParser.KindName))
        {
            foreach (var year in content.Bilans.Select(b => b.Year).Distinct())
            {
                var rows = content.Bilans.Where(b => b.Year == year).Select(b => PlanMappings.ToEntity(partition, sha, b)).ToList();
                await ReplaceScopeAsync<FicheEntity>(fiches, partition, PlanMappings.BilanYearPrefix(year), rows, _ => true, e => e.IngestionId, BilansFichesParser.KindName, sha, superseded, cancellationToken);
            }

            await AddMissingDefinitionsAsync(partition, sha, content, cancellationToken);
        }

        foreach (var scope in content.ObjectivePlans.GroupBy(p => (p.Kind, p.Period)))
        {
            var rows = scope.Select(p => PlanMappings.ToEntity(partition, sha, p)).ToList();
            await ReplaceScopeAsync<ObjectivePlanEntity>(storage.Table(TableNames.Objectives), partition, PlanMappings.ObjectivePrefix(scope.Key.Kind, scope.Key.Period), rows, _ => true, e => e.IngestionId, scope.Key.Kind, sha, superseded, cancellationToken);
        }

        var indicatorKinds = content.Indicators.Select(i => i.Kind).Distinct().ToList();
        if (indicatorKinds.Count > 0)
        {
            await StoreIndicatorsAsync(partition, sha, content, indicatorKinds, superseded, cancellationToken);
        }

        superseded.Remove(sha);
        return superseded;
    }

    /// <summary>Adds "kind:id" to the records of the ingestions whose data this drop replaced (history stays listed and archived).</summary>
    public async Task MarkSupersededAsync(string partition, string sha, Superseded superseded, CancellationToken cancellationToken = default)
    {
        var table = storage.Table(TableNames.Ingestions);
        foreach (var (id, kinds) in superseded)
        {
            var existing = await table.GetEntityIfExistsAsync<IngestionEntity>(partition, id, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value is not { } record)
            {
                continue;
            }

            var marks = (record.SupersededBy ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var kind in kinds)
            {
                var mark = $"{kind}:{sha}";
                if (!marks.Contains(mark))
                {
                    marks.Add(mark);
                }
            }

            var patch = new TableEntity(partition, id) { [nameof(IngestionEntity.SupersededBy)] = string.Join(',', marks) };
            await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>
    /// Upserts <paramref name="rows"/> and deletes the rows of the same scope (key prefix + filter) that the new
    /// content no longer has; records which ingestions the replaced rows came from.
    /// </summary>
    private static async Task ReplaceScopeAsync<T>(TableClient table, string partition, string prefix, IReadOnlyList<T> rows, Func<T, bool> inScope, Func<T, string> ingestionOf, string kind, string sha, Superseded superseded, CancellationToken cancellationToken)
        where T : EntityBase, new()
    {
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var existing in table.QueryAsync<T>(e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, cancellationToken: cancellationToken))
        {
            if (!inScope(existing))
            {
                continue;
            }

            superseded.Add(ingestionOf(existing), kind);
            if (!keep.Contains(existing.RowKey))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing, ETag.All));
            }
        }

        await TableBatches.UpsertAsync(table, rows, cancellationToken);
        await TableBatches.SubmitAsync(table, stale, cancellationToken);
    }

    /// <summary>A bilan of a fiche that no plan d'action defines gives the fiche its definition (number, title, objective, planned total).</summary>
    private async Task AddMissingDefinitionsAsync(string partition, string sha, WorkbookContent content, CancellationToken cancellationToken)
    {
        var table = storage.Table(TableNames.Fiches);
        var defined = new Dictionary<string, FicheEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<FicheEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo("F") >= 0 && e.RowKey.CompareTo("F~") < 0, cancellationToken: cancellationToken))
        {
            defined[e.RowKey] = e;
        }

        var definitions = content.Fiches.ToDictionary(f => f.Numero);
        var added = new List<FicheEntity>();
        foreach (var bilan in content.Bilans.GroupBy(b => b.Numero).Select(g => g.OrderByDescending(b => b.Year).First()))
        {
            var key = PlanMappings.FicheKey(bilan.Numero);
            if (definitions.ContainsKey(bilan.Numero) || defined.TryGetValue(key, out var existing) && existing.SourceKind != BilansFichesParser.KindName)
            {
                continue;
            }

            added.Add(PlanMappings.ToEntity(partition, sha, BilansFichesParser.KindName, new FicheDefinition
            {
                Numero = bilan.Numero,
                Intitule = bilan.Intitule ?? $"Fiche action {bilan.Numero}",
                Objectif = bilan.Objectif,
                Referent = bilan.Referent,
                PlannedTotal = bilan.PlannedTotal,
                SourceCell = bilan.SourceCell,
            }));
        }

        await TableBatches.UpsertAsync(table, added, cancellationToken);
    }

    /// <summary>Replaces the kinds' source rows, then rebuilds the merged Indicators rows of every code they touch.</summary>
    private async Task StoreIndicatorsAsync(string partition, string sha, WorkbookContent content, IReadOnlyList<string> kinds, Superseded superseded, CancellationToken cancellationToken)
    {
        var sources = storage.Table(TableNames.IndicatorSources);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var rows = content.Indicators.Where(i => i.Kind == kind).Select(i => PlanMappings.ToSourceEntity(partition, sha, kind, i.Definition)).ToList();
            var prefix = PlanMappings.SourcePrefix(kind);
            await foreach (var existing in sources.QueryAsync<IndicatorEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, select: ["RowKey", "Code"], cancellationToken: cancellationToken))
            {
                touched.Add(existing.Code);
            }

            touched.UnionWith(rows.Select(r => r.Code));
            await ReplaceScopeAsync<IndicatorEntity>(sources, partition, prefix, rows, _ => true, e => e.IngestionId, kind, sha, superseded, cancellationToken);
        }

        var byCode = new Dictionary<string, List<(SourcedIndicator Source, string IngestionId)>>(StringComparer.Ordinal);
        await foreach (var e in sources.QueryAsync<IndicatorEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (!touched.Contains(e.Code))
            {
                continue;
            }

            var kind = e.SourceKinds ?? e.RowKey[..e.RowKey.IndexOf('|', StringComparison.Ordinal)];
            if (!byCode.TryGetValue(e.Code, out var list))
            {
                byCode[e.Code] = list = [];
            }

            list.Add((new SourcedIndicator(kind, IndicatorMapping.FromEntity(e)), e.IngestionId));
        }

        var merged = byCode.Select(pair =>
        {
            var ingestion = pair.Value.Any(s => s.IngestionId == sha) ? sha : pair.Value[0].IngestionId;
            var entity = IndicatorMapping.ToEntity(partition, ingestion, IndicatorMerger.Merge(pair.Value.Select(s => s.Source)));
            entity.SourceKinds = string.Join(',', pair.Value.Select(s => s.Source.Kind).Distinct().Order(StringComparer.Ordinal));
            return entity;
        }).ToList();
        var indicators = storage.Table(TableNames.Indicators);
        await TableBatches.UpsertAsync(indicators, merged, cancellationToken);

        // A code no kind mentions any more (a corrected label) disappears from the merged table; its sources' history stays in the data blobs.
        foreach (var code in touched.Where(c => !byCode.ContainsKey(c)))
        {
            await indicators.DeleteEntityAsync(partition, code, ETag.All, cancellationToken);
        }
    }
}
