using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table PlannedFunding: the money the current plan d'action plans per fiche and year (RowKey <c>plan-action|{ingestionId}|F001|2021</c>).</summary>
public sealed class PlannedFundingStore(CdppeStorage storage)
{
    private static readonly RowCodec<PlannedFunding> Codec = new();

    public static TableEntity ToEntity(string partition, string ingestionId, PlannedFunding f) =>
        Codec.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.PlanAction, ingestionId) + string.Create(CultureInfo.InvariantCulture, $"{FicheStore.FicheKey(f.Fiche)}|{f.Year}"), f, [DatasetKeys.WrittenBy(ingestionId)]);

    public async Task<IReadOnlyList<PlannedFunding>> CurrentAsync(DatasetHead head, CancellationToken cancellationToken = default) =>
        head.Of(DatasetKeys.PlanAction) is { } current
            ? (await storage.Table(TableNames.PlannedFunding).PrefixAsync<TableEntity>(head.Partition, DatasetKeys.RowPrefix(DatasetKeys.PlanAction, current), cancellationToken)).Select(Codec.Read).ToList()
            : [];
}
