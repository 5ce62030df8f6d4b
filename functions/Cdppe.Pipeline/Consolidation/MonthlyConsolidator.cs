using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Specialized;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

public sealed record ConsolidationSummary(string Departement, string RunId, IReadOnlyList<string> Months, int Snapshots, int RevisionsWritten, int Gaps, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes the monthly snapshots of a département (rules in <see cref="SnapshotCalculator"/>): one run per département
/// at a time (blob lease; a second run waits, then gives up cleanly), a new revision only when the content changes
/// (the previous one is kept in <c>SnapshotRevisions</c>), every run recorded.
/// </summary>
public sealed class MonthlyConsolidator(CdppeStorage storage, TimeProvider clock, ILogger<MonthlyConsolidator> logger)
{
    /// <summary>Lease on the département's lock (15-60 s, renewed after every month); a crashed run's lease expires after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a run waits for another run of the same département to finish.</summary>
    public TimeSpan LeaseWait { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<ConsolidationSummary> ConsolidateAsync(Departement departement, IReadOnlyCollection<YearMonth> months, string trigger, CancellationToken cancellationToken = default)
    {
        var partition = departement.Code;
        var lease = await AcquireLeaseAsync(partition, cancellationToken);
        var started = clock.GetUtcNow();
        try
        {
            Dictionary<string, IndicatorDefinition> definitions;
            await using (await new DepartementLock(storage).AcquireAsync(partition, TimeSpan.FromSeconds(60), cancellationToken))
            {
                definitions = await LoadDefinitionsAsync(partition, cancellationToken);
            }

            var accepted = await new DatasetStore(storage).AcceptedIngestionsAsync(partition, cancellationToken);
            var ordered = months.Distinct().Order().ToList();
            int snapshots = 0, revisions = 0, gaps = 0;
            var warnings = new List<string>();
            foreach (var month in ordered)
            {
                var (count, written, missing) = await ConsolidateMonthAsync(partition, month, definitions, accepted, cancellationToken);
                snapshots += count;
                revisions += written;
                gaps += missing;
                if (count == 0)
                {
                    warnings.Add($"Aucun indicateur connu pour {month} : rien à consolider.");
                }

                await storage.Table(TableNames.ConsolidationRuns).UpsertEntityAsync(
                    new ConsolidationRunEntity { PartitionKey = partition, RowKey = MonthMarkerKey(month), StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = month.ToString(), Snapshots = count, RevisionsWritten = written, Gaps = missing },
                    Azure.Data.Tables.TableUpdateMode.Replace,
                    cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }

            var runId = RunKey(started);
            var monthList = ordered.Select(m => m.ToString()).ToList();
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
                Azure.Data.Tables.TableUpdateMode.Replace,
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

    public static SnapshotEntity ToEntity(string partition, MonthlySnapshot s)
    {
        var entity = new SnapshotEntity
        {
            PartitionKey = partition,
            RowKey = $"{s.Month}|{s.Code}",
            Month = s.Month.ToString(),
            Code = s.Code,
            Label = s.Label,
            Value = s.Value is { } v ? (double)v : null,
            IsPercent = s.IsPercent,
            Text = s.Text,
            Target = s.Target is { } t ? (double)t : null,
            TargetText = s.TargetText,
            Status = s.Status,
            Reliable = s.Reliable,
            SourceIngestion = s.SourceIngestion,
        };
        entity.ContentHash = ContentHash(entity);
        return entity;
    }

    private async Task<BlobLeaseClient> AcquireLeaseAsync(string partition, CancellationToken cancellationToken)
    {
        var lockBlob = storage.Locks.GetBlobClient($"consolidation-{partition}");
        try
        {
            await lockBlob.UploadAsync(BinaryData.FromString(partition), new Azure.Storage.Blobs.Models.BlobUploadOptions { Conditions = new Azure.Storage.Blobs.Models.BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists (or is leased right now): the lease decides who runs.
        }

        var lease = lockBlob.GetBlobLeaseClient();
        var deadline = clock.GetUtcNow() + LeaseWait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return lease;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (clock.GetUtcNow() >= deadline)
                {
                    throw new ConsolidationBusyException($"Une consolidation du département {partition} est déjà en cours ; réessayez dans quelques minutes.", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
            }
        }
    }

    private async Task<Dictionary<string, IndicatorDefinition>> LoadDefinitionsAsync(string partition, CancellationToken cancellationToken)
    {
        var definitions = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        await foreach (var e in storage.Table(TableNames.Indicators).QueryAsync<IndicatorEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            definitions[e.RowKey] = IndicatorMapping.FromEntity(e);
        }

        return definitions;
    }

    private async Task<(int Snapshots, int Revisions, int Gaps)> ConsolidateMonthAsync(string partition, YearMonth month, Dictionary<string, IndicatorDefinition> definitions, IReadOnlySet<string> accepted, CancellationToken cancellationToken)
    {
        var yearPrefix = month.Year.ToString(CultureInfo.InvariantCulture) + "-";
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new List<RawValue>();
        var monthPrefix = month + "|";
        await foreach (var v in storage.Table(TableNames.IndicatorValues).QueryAsync<IndicatorValueEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(yearPrefix) >= 0 && e.RowKey.CompareTo(yearPrefix + "~") < 0, cancellationToken: cancellationToken))
        {
            if (!accepted.Contains(v.IngestionId))
            {
                continue; // an ingestion still in progress, or one that never completed: not visible
            }

            seen.TryAdd(v.Code, v.Label);
            if (v.RowKey.StartsWith(monthPrefix, StringComparison.Ordinal))
            {
                values.Add(new RawValue(v.Code, v.Label, month, v.Value is { } d ? (decimal)d : null, v.IsPercent, v.Text, v.Reliable, v.IngestionId, v.ReceivedAt));
            }
        }

        var snapshots = SnapshotCalculator.Compute(month, definitions, values, seen.Select(s => (s.Key, s.Value))).Select(s => ToEntity(partition, s)).ToList();
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

        // Previous revisions first: a crash between the two writes leaves the old revision readable twice, never lost.
        await TableBatches.UpsertAsync(storage.Table(TableNames.SnapshotRevisions), history, cancellationToken);
        await TableBatches.UpsertAsync(table, changed, cancellationToken);
        return (snapshots.Count, changed.Count, snapshots.Count(s => s.Status == SnapshotStatus.Missing));
    }

    private static string ContentHash(SnapshotEntity s)
    {
        var text = string.Join(
            '\u001F',
            s.Code,
            s.Label,
            s.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            s.IsPercent,
            s.Text ?? string.Empty,
            s.Target?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            s.TargetText ?? string.Empty,
            s.Status,
            s.Reliable,
            s.SourceIngestion ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
