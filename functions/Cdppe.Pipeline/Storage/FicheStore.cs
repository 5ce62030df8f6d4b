using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table Fiches, versioned by ingestion: the definitions of a plan d'action (RowKey
/// <c>plan-action|{ingestionId}|F{000}</c>) and each year's bilans (<c>bilans-fiches|{year}|{ingestionId}|F{000}</c>).
/// A fiche no plan d'action defines gets its definition from its latest bilan, when it is read.
/// </summary>
public sealed class FicheStore(CdppeStorage storage)
{
    public static string FicheKey(int numero) => string.Create(CultureInfo.InvariantCulture, $"F{numero:D3}");

    public static FicheEntity ToEntity(string partition, string ingestionId, FicheDefinition d) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.PlanAction, ingestionId) + FicheKey(d.Numero),
        Numero = d.Numero,
        Year = 0,
        Intitule = d.Intitule,
        Objectif = d.Objectif,
        Theme = d.Theme,
        Nature = d.Nature,
        Referent = d.Referent,
        PlannedTotal = d.PlannedTotal is { } t ? (double)t : null,
        IngestionId = ingestionId,
        SourceKind = WorkbookKinds.PlanAction,
        SourceCell = d.SourceCell,
    };

    public static FicheEntity ToEntity(string partition, string ingestionId, FicheBilan b) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.Bilans(b.Year), ingestionId) + FicheKey(b.Numero),
        Numero = b.Numero,
        Year = b.Year,
        Intitule = b.Intitule ?? string.Empty,
        Objectif = b.Objectif,
        Referent = b.Referent,
        PlannedTotal = b.PlannedTotal is { } t ? (double)t : null,
        Constat = b.Constat,
        ObjectifOperationnel = b.ObjectifOperationnel,
        Description = b.Description,
        Acteurs = b.Acteurs,
        BilanQualitatif = b.BilanQualitatif,
        APoursuivre = b.APoursuivre,
        BilanFinancier = b.BilanFinancier,
        Consumed = b.Consumed is { } c ? (double)c : null,
        ConsumedPercentPrinted = b.ConsumedPercentPrinted is { } p ? (double)p : null,
        IngestionId = ingestionId,
        SourceKind = WorkbookKinds.BilansFiches,
        SourceCell = b.SourceCell,
        Objectifs = b.Objectifs.Count == 0 ? null : string.Join(',', b.Objectifs.Select(o => o.ToString(CultureInfo.InvariantCulture))),
        Moyens = b.Moyens,
        DocumentsReference = b.DocumentsReference,
        ObjectifsRetenus = b.ObjectifsRetenus.Count == 0 ? null : string.Join(',', b.ObjectifsRetenus.Select(o => o.ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>The fiches of the current plan d'action, by number.</summary>
    public async Task<IReadOnlyList<FicheDefinition>> PlanDefinitionsAsync(DatasetHead head, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.PlanAction) is { } current
            ? (await RowsAsync(head.Partition, DatasetKeys.PlanAction, current, cancellationToken)).Select(DefinitionFrom).OrderBy(d => d.Numero).ToList()
            : [];

    /// <summary>Every fiche: those of the current plan d'action, then those only a bilan describes (from its latest bilan).</summary>
    public async Task<IReadOnlyList<FicheDefinition>> DefinitionsAsync(DatasetHead head, CancellationToken cancellationToken = default)
    {
        var planned = await PlanDefinitionsAsync(head, cancellationToken);
        var numbers = planned.Select(d => d.Numero).ToHashSet();
        var fromBilans = (await LatestBilansAsync(head, cancellationToken))
            .Where(b => !numbers.Contains(b.Numero))
            .Select(b => new FicheDefinition
            {
                Numero = b.Numero,
                Intitule = string.IsNullOrEmpty(b.Intitule) ? $"Fiche action {b.Numero}" : b.Intitule,
                Objectif = b.Objectif,
                Referent = b.Referent,
                PlannedTotal = b.PlannedTotal,
                SourceCell = b.SourceCell,
            });
        return planned.Concat(fromBilans).OrderBy(d => d.Numero).ToList();
    }

    /// <summary>The bilans of the current bilans-fiches workbook of a year.</summary>
    public async Task<IReadOnlyList<FicheBilan>> BilansAsync(DatasetHead head, int year, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.Bilans(year)) is { } current
            ? (await RowsAsync(head.Partition, DatasetKeys.Bilans(year), current, cancellationToken)).Select(BilanFrom).OrderBy(b => b.Numero).ToList()
            : [];

    /// <summary>Each fiche's bilan of the latest year that has one.</summary>
    public async Task<IReadOnlyList<FicheBilan>> LatestBilansAsync(DatasetHead head, CancellationToken cancellationToken = default)
    {
        var all = new List<FicheBilan>();
        foreach (var year in head.Years(WorkbookKinds.BilansFiches))
        {
            all.AddRange(await BilansAsync(head, year, cancellationToken));
        }

        return all.GroupBy(b => b.Numero).Select(g => g.MaxBy(b => b.Year)!).OrderBy(b => b.Numero).ToList();
    }

    private Task<List<FicheEntity>> RowsAsync(string partition, string dataset, string ingestionId, CancellationToken cancellationToken) =>
        storage.Table(TableNames.Fiches).PrefixAsync<FicheEntity>(partition, DatasetKeys.RowPrefix(dataset, ingestionId), cancellationToken);

    private static FicheDefinition DefinitionFrom(FicheEntity e) => new()
    {
        Numero = e.Numero,
        Intitule = e.Intitule,
        Objectif = e.Objectif,
        Theme = e.Theme,
        Nature = e.Nature,
        Referent = e.Referent,
        PlannedTotal = e.PlannedTotal is { } t ? (decimal)t : null,
        SourceCell = e.SourceCell,
    };

    private static FicheBilan BilanFrom(FicheEntity e) => new()
    {
        Year = e.Year,
        Numero = e.Numero,
        Intitule = e.Intitule,
        Objectif = e.Objectif,
        Referent = e.Referent,
        PlannedTotal = e.PlannedTotal is { } t ? (decimal)t : null,
        Constat = e.Constat,
        ObjectifOperationnel = e.ObjectifOperationnel,
        Description = e.Description,
        Acteurs = e.Acteurs,
        BilanQualitatif = e.BilanQualitatif,
        APoursuivre = e.APoursuivre,
        BilanFinancier = e.BilanFinancier,
        Consumed = e.Consumed is { } c ? (decimal)c : null,
        ConsumedPercentPrinted = e.ConsumedPercentPrinted is { } p ? (decimal)p : null,
        SourceCell = e.SourceCell,
        Objectifs = Numbers(e.Objectifs),
        ObjectifsRetenus = Numbers(e.ObjectifsRetenus),
        Moyens = e.Moyens,
        DocumentsReference = e.DocumentsReference,
    };

    private static List<int> Numbers(string? list) => (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToList();
}
