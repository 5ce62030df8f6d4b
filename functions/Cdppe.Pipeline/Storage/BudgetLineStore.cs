using System.Globalization;
using Azure.Data.Tables;
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
    private static readonly RowCodec<BudgetLine> Codec = new();

    public static TableEntity ToEntity(string partition, string ingestionId, BudgetLine line) =>
        Codec.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.Budget(line.Year), ingestionId) + LineKey(line), line, [DatasetKeys.WrittenBy(ingestionId)]);

    /// <summary>F{fiche:000}, A-{objective slug}-{action slug} for a line keyed by action, else O-{objective slug}.</summary>
    private static string LineKey(BudgetLine line) =>
        line.Fiche is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"F{f:D3}")
            : line.Action is { } action
                ? "A-" + TextNormalizer.Slug(line.Objectif ?? line.Mesure ?? string.Empty) + "-" + (ContractActions.CodeOf(action) ?? TextNormalizer.Slug(action))
                : "O-" + TextNormalizer.Slug(line.Objectif ?? line.Mesure ?? string.Empty);

    /// <summary>The budget lines of the current rapport financier of a year (empty when there is none).</summary>
    public async Task<IReadOnlyList<BudgetLine>> CurrentAsync(DatasetHead head, int year, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.Budget(year)) is { } current ? await OfAsync(head.Partition, year, current, cancellationToken) : [];

    /// <summary>The budget lines one ingestion wrote for a year, current or superseded.</summary>
    public async Task<IReadOnlyList<BudgetLine>> OfAsync(string partition, int year, string ingestionId, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.BudgetLines).PrefixAsync<TableEntity>(partition, DatasetKeys.RowPrefix(DatasetKeys.Budget(year), ingestionId), cancellationToken))
            .Select(Codec.Read)
            .OrderBy(l => l.Order)
            .ToList();

}
