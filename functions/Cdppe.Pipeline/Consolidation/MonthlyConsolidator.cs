using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

public sealed record ConsolidationSummary(string Departement, string RunId, IReadOnlyList<string> Months, int Snapshots, int RevisionsWritten, int Gaps, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns raw indicator values into one snapshot per indicator and month: the latest accepted value of the month,
/// explicit gaps for months without data, a new revision only when the content changes.
/// </summary>
public sealed class MonthlyConsolidator(CdppeStorage storage, TimeProvider clock, ILogger<MonthlyConsolidator> logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public async Task<ConsolidationSummary> ConsolidateAsync(Departement departement, IReadOnlyCollection<YearMonth> months, string trigger, CancellationToken cancellationToken = default)
    {
        var partition = departement.Code;
        var started = clock.GetUtcNow();
        var lockBlob = storage.Locks.GetBlobClient($"consolidation-{partition}");
        if (!await lockBlob.ExistsAsync(cancellationToken))
        {
            try
            {
                await lockBlob.UploadAsync(BinaryData.FromString(partition), overwrite: false, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Created by a concurrent run: fine, the lease decides.
            }
        }

        var lease = lockBlob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new ConsolidationBusyException($"Une consolidation du département {partition} est déjà en cours.", ex);
        }

        try
        {
            var snapshots = 0;
            var revisions = 0;
            var gaps = 0;
            var warnings = new List<string>();
            foreach (var month in months.Distinct().Order())
            {
                var result = await ConsolidateMonthAsync(partition, month, cancellationToken);
                snapshots += result.Snapshots;
                revisions += result.Revisions;
                gaps += result.Gaps;
                if (result.Snapshots == 0)
                {
                    warnings.Add($"Aucun indicateur connu pour {month} : rien à consolider.");
                }

                await storage.Table(TableNames.ConsolidationRuns).UpsertEntityAsync(
                    new ConsolidationRunEntity { PartitionKey = partition, RowKey = MonthMarkerKey(month), StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = month.ToString(), Snapshots = result.Snapshots, RevisionsWritten = result.Revisions, Gaps = result.Gaps },
                    TableUpdateMode.Replace,
                    cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }

            var runId = RunKey(started);
            var monthList = months.Distinct().Order().Select(m => m.ToString()).ToList();
            await storage.Table(TableNames.ConsolidationRuns).UpsertEntityAsync(
                new ConsolidationRunEntity
                {
                    PartitionKey = partition,
                    RowKey = runId,
                    StartedAt = started,
                    EndedAt = clock.GetUtcNow(),
                    Trigger = trigger,
                    Months = string.Join(',', monthList),
                    Snapshots = snapshots,
                    RevisionsWritten = revisions,
                    Gaps = gaps,
                    Warnings = string.Join(" | ", warnings),
                },
                TableUpdateMode.Replace,
                cancellationToken);
            logger.LogInformation("Consolidated {Departement} for {Months}: {Snapshots} snapshots, {Revisions} revisions, {Gaps} gaps", partition, string.Join(',', monthList), snapshots, revisions, gaps);
            return new ConsolidationSummary(partition, runId, monthList, snapshots, revisions, gaps, warnings);
        }
        finally
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>Row key of a run: newest first.</summary>
    public static string RunKey(DateTimeOffset started) => "run|" + (DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string MonthMarkerKey(YearMonth month) => "month|" + month;

    private async Task<(int Snapshots, int Revisions, int Gaps)> ConsolidateMonthAsync(string partition, YearMonth month, CancellationToken cancellationToken)
    {
        var values = storage.Table(TableNames.IndicatorValues);
        var yearPrefix = month.Year.ToString(CultureInfo.InvariantCulture) + "-";
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = new Dictionary<string, IndicatorValueEntity>(StringComparer.Ordinal);
        var monthPrefix = month + "|";
        await foreach (var v in values.QueryAsync<IndicatorValueEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(yearPrefix) >= 0 && e.RowKey.CompareTo(yearPrefix + "~") < 0, cancellationToken: cancellationToken))
        {
            known.TryAdd(v.Code, v.Label);
            if (!v.RowKey.StartsWith(monthPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!latest.TryGetValue(v.Code, out var current) || (v.ReceivedAt, v.IngestionId).CompareTo((current.ReceivedAt, current.IngestionId)) > 0)
            {
                latest[v.Code] = v;
            }
        }

        var snapshots = known.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
        {
            var value = latest.GetValueOrDefault(k.Key);
            var snapshot = new SnapshotEntity
            {
                PartitionKey = partition,
                RowKey = $"{month}|{k.Key}",
                Month = month.ToString(),
                Code = k.Key,
                Label = value?.Label ?? k.Value,
                Value = value?.Value,
                IsPercent = value?.IsPercent ?? false,
                Text = value?.Text,
                Status = value is null || (value.Value is null && value.Text is null) ? SnapshotStatus.Missing : SnapshotStatus.NoTarget,
                Reliable = value?.Reliable ?? false,
                SourceIngestion = value?.IngestionId,
            };
            snapshot.ContentHash = ContentHash(snapshot);
            return snapshot;
        }).ToList();

        var table = storage.Table(TableNames.Snapshots);
        var existing = new Dictionary<string, SnapshotEntity>(StringComparer.Ordinal);
        await foreach (var s in table.QueryAsync<SnapshotEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(monthPrefix) >= 0 && e.RowKey.CompareTo(month + "|~") < 0, cancellationToken: cancellationToken))
        {
            existing[s.RowKey] = s;
        }

        var changed = new List<SnapshotEntity>();
        var history = new List<SnapshotEntity>();
        foreach (var snapshot in snapshots)
        {
            if (existing.TryGetValue(snapshot.RowKey, out var previous))
            {
                if (previous.ContentHash == snapshot.ContentHash)
                {
                    continue;
                }

                snapshot.Revision = previous.Revision + 1;
                previous.RowKey = $"{previous.RowKey}|{previous.Revision:D4}";
                previous.ETag = default;
                history.Add(previous);
            }
            else
            {
                snapshot.Revision = 1;
            }

            changed.Add(snapshot);
        }

        await TableBatches.UpsertAsync(storage.Table(TableNames.SnapshotRevisions), history, cancellationToken);
        await TableBatches.UpsertAsync(table, changed, cancellationToken);
        return (snapshots.Count, changed.Count, snapshots.Count(s => s.Status == SnapshotStatus.Missing));
    }

    private static string ContentHash(SnapshotEntity s)
    {
        var text = string.Join('\u001F', s.Code, s.Label, s.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty, s.IsPercent, s.Text ?? string.Empty, s.Target?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty, s.Status, s.Reliable, s.SourceIngestion ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
