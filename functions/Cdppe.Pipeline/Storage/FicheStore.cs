using System.Globalization;
using Azure.Data.Tables;
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

    private static readonly RowCodec<FicheDefinition> Definitions = new();
    private static readonly RowCodec<FicheBilan> Bilans = new();

    public static TableEntity ToEntity(string partition, string ingestionId, FicheDefinition d) =>
        Definitions.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.PlanAction, ingestionId) + FicheKey(d.Numero), d, [DatasetKeys.WrittenBy(ingestionId), new("Year", 0), new("SourceKind", WorkbookKinds.PlanAction)]);


    public static TableEntity ToEntity(string partition, string ingestionId, FicheBilan b) =>
        Bilans.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.Bilans(b.Year), ingestionId) + FicheKey(b.Numero), b, [DatasetKeys.WrittenBy(ingestionId), new("SourceKind", WorkbookKinds.BilansFiches)]);

    /// <summary>The fiches of the current plan d'action, by number.</summary>
    public async Task<IReadOnlyList<FicheDefinition>> PlanDefinitionsAsync(DatasetHead head, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.PlanAction) is { } current
            ? (await RowsAsync(head.Partition, DatasetKeys.PlanAction, current, cancellationToken)).Select(Definitions.Read).OrderBy(d => d.Numero).ToList()
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
            ? (await RowsAsync(head.Partition, DatasetKeys.Bilans(year), current, cancellationToken)).Select(Bilans.Read).OrderBy(b => b.Numero).ToList()
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

    private Task<List<TableEntity>> RowsAsync(string partition, string dataset, string ingestionId, CancellationToken cancellationToken) =>
        storage.Table(TableNames.Fiches).PrefixAsync<TableEntity>(partition, DatasetKeys.RowPrefix(dataset, ingestionId), cancellationToken);
}
