using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table IndicatorValues: every monthly value of every upload, never replaced (RowKey <c>{period}|{code}|{ingestionId}</c>);
/// readers use only the values of accepted ingestions (<see cref="IngestionStore.AcceptedAsync"/>), and the consolidation
/// takes the latest.
/// </summary>
public sealed class IndicatorValueStore(CdppeStorage storage)
{
    /// <summary>What the monthly consolidation reads of a value (not its source, comment or cell).</summary>
    private static readonly string[] ConsolidationColumns = ["PartitionKey", "RowKey", "Code", "Label", "Period", "Value", "IsPercent", "Text", "Reliable", "IngestionId", "ReceivedAt"];

    private static readonly RowCodec<IndicatorValue> Codec = new();
    private static readonly RowCodec<RawValue> Raw = new();

    public static TableEntity ToEntity(string partition, string ingestionId, DateTimeOffset receivedAt, IndicatorValue v) =>
        Codec.Write(partition, $"{v.Period}|{v.Code}|{ingestionId}", v, [DatasetKeys.WrittenBy(ingestionId), new(nameof(RawValue.ReceivedAt), receivedAt)]);

    /// <summary>The values of a year from <paramref name="accepted"/> ingestions (an ingestion in progress, or that never completed, is not visible), with the columns the consolidation reads.</summary>
    public async Task<IReadOnlyList<RawValue>> YearAsync(string partition, int year, IReadOnlySet<string> accepted, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.IndicatorValues).PrefixAsync<TableEntity>(partition, year.ToString(CultureInfo.InvariantCulture) + "-", cancellationToken, ConsolidationColumns))
            .Where(v => accepted.Contains(v.GetString(nameof(RawValue.IngestionId)) ?? string.Empty))
            .Select(Raw.Read)
            .ToList();

    /// <summary>For each month that has values, when its latest value was received (accepted or not: a month touched is due again).</summary>
    public async Task<IReadOnlyDictionary<YearMonth, DateTimeOffset>> LatestReceivedAsync(string partition, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<YearMonth, DateTimeOffset>();
        foreach (var v in await storage.Table(TableNames.IndicatorValues).PartitionAsync<TableEntity>(partition, cancellationToken, ["Period", "ReceivedAt"]))
        {
            if (YearMonth.TryParse(v.GetString(nameof(RawValue.Period)), out var period) && v.GetDateTimeOffset(nameof(RawValue.ReceivedAt)) is { } received
                && (!latest.TryGetValue(period.Value, out var t) || received > t))
            {
                latest[period.Value] = received;
            }
        }

        return latest;
    }
}
