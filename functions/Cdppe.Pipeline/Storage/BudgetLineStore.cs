using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table BudgetLines: the lines of each year's rapport financier, versioned by ingestion — RowKey
/// <c>rapport-financier|{year}|{ingestionId}|F{fiche:000}</c>, <c>…|A-{objective slug}-{action slug}</c> (a line keyed by
/// action) or <c>…|O-{objective slug}</c> — and current when the
/// dataset pointer of the year names that ingestion (<see cref="DatasetHead"/>).
/// </summary>
public sealed class BudgetLineStore(CdppeStorage storage)
{
    public static BudgetLineEntity ToEntity(string partition, string ingestionId, BudgetLine line) => new()
    {
        PartitionKey = partition,
        RowKey = DatasetKeys.RowPrefix(DatasetKeys.Budget(line.Year), ingestionId) + (line.Fiche is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"F{f:D3}")
            : line.Action is { } action
                ? "A-" + TextNormalizer.Slug(line.Objectif ?? line.Mesure ?? string.Empty) + "-" + (ContractActions.CodeOf(action) ?? TextNormalizer.Slug(action))
                : "O-" + TextNormalizer.Slug(line.Objectif ?? line.Mesure ?? string.Empty)),
        Year = line.Year,
        Engagement = line.Engagement,
        Mesure = line.Mesure,
        Objectif = line.Objectif,
        Fiche = line.Fiche,
        Action = line.Action,
        BudgetGlobal = (double)line.BudgetGlobal,
        Departement = (double)line.Departement,
        Fir = (double)line.Fir,
        Etat = (double)line.Etat,
        Ondam = (double)line.Ondam,
        Modalite = line.Modalite,
        ConsumedBefore = (double)line.ConsumedBefore,
        ConsumedInYear = (double)line.ConsumedInYear,
        ConsumedCumulative = (double)line.ConsumedCumulative,
        Order = line.Order,
        IngestionId = ingestionId,
        SourceCell = line.SourceCell,
    };

    /// <summary>The budget lines of the current rapport financier of a year (empty when there is none).</summary>
    public async Task<IReadOnlyList<BudgetLine>> CurrentAsync(DatasetHead head, int year, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.Budget(year)) is { } current ? await OfAsync(head.Partition, year, current, cancellationToken) : [];

    /// <summary>The budget lines one ingestion wrote for a year, current or superseded.</summary>
    public async Task<IReadOnlyList<BudgetLine>> OfAsync(string partition, int year, string ingestionId, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.BudgetLines).PrefixAsync<BudgetLineEntity>(partition, DatasetKeys.RowPrefix(DatasetKeys.Budget(year), ingestionId), cancellationToken))
            .Select(FromEntity)
            .OrderBy(l => l.Order)
            .ToList();

    private static BudgetLine FromEntity(BudgetLineEntity e) => new()
    {
        Year = e.Year,
        Engagement = e.Engagement,
        Mesure = e.Mesure,
        Objectif = e.Objectif,
        Fiche = e.Fiche,
        Action = e.Action,
        BudgetGlobal = (decimal)e.BudgetGlobal,
        Departement = (decimal)e.Departement,
        Fir = (decimal)e.Fir,
        Etat = (decimal)e.Etat,
        Ondam = (decimal)e.Ondam,
        Modalite = e.Modalite,
        ConsumedBefore = (decimal)e.ConsumedBefore,
        ConsumedInYear = (decimal)e.ConsumedInYear,
        ConsumedCumulative = (decimal)e.ConsumedCumulative,
        Order = e.Order,
        SourceCell = e.SourceCell,
    };
}
