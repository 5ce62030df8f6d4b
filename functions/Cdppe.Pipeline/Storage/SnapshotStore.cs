using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Tables Snapshots (RowKey <c>{month}|{code}</c>) and SnapshotRevisions (<c>{month}|{code}|{revision:0000}</c>): each
/// snapshot has a content hash, and a changed one becomes revision n+1 while revision n is kept.
/// </summary>
public sealed class SnapshotStore(CdppeStorage storage)
{
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
            State = s.Status,
            Reliable = s.Reliable,
            SourceIngestion = s.SourceIngestion,
        };
        entity.ContentHash = ContentHash(entity);
        return entity;
    }

    /// <summary>No stored snapshot (a month never consolidated).</summary>
    public static IReadOnlyDictionary<string, SnapshotEntity> NoneStored { get; } = new Dictionary<string, SnapshotEntity>(StringComparer.Ordinal);

    /// <summary>The stored snapshots of a month, by row key (what <see cref="WriteMonthAsync"/> compares with).</summary>
    public async Task<IReadOnlyDictionary<string, SnapshotEntity>> StoredMonthAsync(string partition, YearMonth month, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.Snapshots).PrefixAsync<SnapshotEntity>(partition, month + "|", cancellationToken)).ToDictionary(s => s.RowKey, StringComparer.Ordinal);

    /// <summary>
    /// Writes a month's snapshots against what is stored for it (<see cref="StoredMonthAsync"/>, or
    /// <see cref="NoneStored"/> for a month never consolidated): nothing for an unchanged one, a new revision for a
    /// changed one. Returns how many were written.
    /// </summary>
    public async Task<int> WriteMonthAsync(string partition, IReadOnlyList<MonthlySnapshot> snapshots, IReadOnlyDictionary<string, SnapshotEntity> existing, CancellationToken cancellationToken = default)
    {
        var table = storage.Table(TableNames.Snapshots);
        var changed = new List<SnapshotEntity>();
        var history = new List<SnapshotEntity>();
        foreach (var snapshot in snapshots.Select(s => ToEntity(partition, s)))
        {
            if (existing.TryGetValue(snapshot.RowKey, out var previous))
            {
                if (previous.ContentHash == snapshot.ContentHash)
                {
                    continue;
                }

                snapshot.Revision = previous.Revision + 1;
                previous.RowKey = string.Create(CultureInfo.InvariantCulture, $"{previous.RowKey}|{previous.Revision:D4}");
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
        return changed.Count;
    }

    /// <summary>The stored snapshots of the months <paramref name="from"/> to <paramref name="to"/>, by code then month.</summary>
    public async Task<IReadOnlyList<StoredSnapshot>> RangeAsync(string partition, YearMonth from, YearMonth to, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.Snapshots).RangeAsync<SnapshotEntity>(partition, from.ToString(), TableQueries.AfterPrefix(to + "|"), cancellationToken))
            .Select(ToStored)
            .OfType<StoredSnapshot>()
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Month)
            .ToList();

    /// <summary>The snapshots of every month of a year.</summary>
    public async Task<IReadOnlyList<MonthlySnapshot>> YearAsync(string partition, int year, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.Snapshots).PrefixAsync<SnapshotEntity>(partition, year.ToString(CultureInfo.InvariantCulture) + "-", cancellationToken))
            .Select(ToStored)
            .OfType<StoredSnapshot>()
            .Select(s => new MonthlySnapshot(s.Code, s.Label, s.Month, s.Value, s.IsPercent, s.Text, s.Target, s.TargetText, s.Status, s.Reliable, s.SourceIngestion))
            .ToList();

    /// <summary>The stored row as a record; a row whose month cannot be read (written by hand) is left out.</summary>
    private static StoredSnapshot? ToStored(SnapshotEntity s) =>
        YearMonth.TryParse(s.Month, out var month)
            ? new StoredSnapshot(s.Code, s.Label, month.Value, (decimal?)s.Value, s.IsPercent, s.Text, (decimal?)s.Target, s.TargetText, s.State, s.Reliable, s.SourceIngestion, s.Revision)
            : null;

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
