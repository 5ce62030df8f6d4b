using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table Objectives: the objective lines of each plan (synthèse, annexe 2.1), RowKey <c>{kind}|{period}|{ingestionId}|{order:000}</c>.</summary>
public sealed class ObjectiveStore(CdppeStorage storage)
{
    private static readonly RowCodec<ObjectivePlan> Codec = new();

    public static TableEntity ToEntity(string partition, string ingestionId, ObjectivePlan p) =>
        Codec.Write(partition, DatasetKeys.RowPrefix(DatasetKeys.Objectives(p.Kind, p.Period), ingestionId) + p.Order.ToString("D3", CultureInfo.InvariantCulture), p, [DatasetKeys.WrittenBy(ingestionId)]);

    /// <summary>The lines of the current plan of a kind and period.</summary>
    public async Task<IReadOnlyList<ObjectivePlan>> CurrentAsync(DatasetHead head, string kind, string period, CancellationToken cancellationToken = default)
    {
        var key = DatasetKeys.Objectives(kind, period);
        return head.Of(key) is { } current
            ? (await storage.Table(TableNames.Objectives).PrefixAsync<TableEntity>(head.Partition, DatasetKeys.RowPrefix(key, current), cancellationToken)).Select(Codec.Read).ToList()
            : [];
    }
}
