using System.Globalization;
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

    public static IndicatorValueEntity ToEntity(string partition, string ingestionId, DateTimeOffset receivedAt, IndicatorValue v) => new()
    {
        PartitionKey = partition,
        RowKey = $"{v.Period}|{v.Code}|{ingestionId}",
        Code = v.Code,
        Label = v.Label,
        Period = v.Period.ToString(),
        Value = v.Value is { } d ? (double)d : null,
        IsPercent = v.IsPercent,
        Text = v.Text,
        Source = v.Source,
        Reliable = v.Reliable,
        Comment = v.Comment,
        IngestionId = ingestionId,
        ReceivedAt = receivedAt,
        SourceCell = v.SourceCell,
    };

    /// <summary>The values of a year from <paramref name="accepted"/> ingestions (an ingestion in progress, or that never completed, is not visible), with the columns the consolidation reads.</summary>
    public async Task<IReadOnlyList<RawValue>> YearAsync(string partition, int year, IReadOnlySet<string> accepted, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.IndicatorValues).PrefixAsync<IndicatorValueEntity>(partition, year.ToString(CultureInfo.InvariantCulture) + "-", cancellationToken, ConsolidationColumns))
            .Where(v => accepted.Contains(v.IngestionId))
            .Select(v => YearMonth.TryParse(v.Period, out var period) ? new RawValue(v.Code, v.Label, period.Value, v.Value is { } d ? (decimal)d : null, v.IsPercent, v.Text, v.Reliable, v.IngestionId, v.ReceivedAt) : null)
            .OfType<RawValue>()
            .ToList();

    /// <summary>For each month that has values, when its latest value was received (accepted or not: a month touched is due again).</summary>
    public async Task<IReadOnlyDictionary<YearMonth, DateTimeOffset>> LatestReceivedAsync(string partition, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<YearMonth, DateTimeOffset>();
        foreach (var v in await storage.Table(TableNames.IndicatorValues).PartitionAsync<IndicatorValueEntity>(partition, cancellationToken, ["Period", "ReceivedAt"]))
        {
            if (YearMonth.TryParse(v.Period, out var period) && (!latest.TryGetValue(period.Value, out var t) || v.ReceivedAt > t))
            {
                latest[period.Value] = v.ReceivedAt;
            }
        }

        return latest;
    }
}
