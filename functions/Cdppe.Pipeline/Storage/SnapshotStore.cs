using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Tables Snapshots (RowKey <c>{month}|{code}</c>) and SnapshotRevisions (<c>{month}|{code}|{revision:0000}</c>): each
/// snapshot has a content hash, and a changed one becomes revision n+1 while revision n is kept.
/// </summary>
public sealed class SnapshotStore(CdppeStorage storage)
{
    private const string RevisionColumn = "Revision";
    private const string HashColumn = "ContentHash";

    private static readonly RowCodec<MonthlySnapshot> Codec = new();
    private static readonly RowCodec<StoredSnapshot> Stored = new();

    /// <summary>The row of a snapshot at a revision.</summary>
    public static TableEntity ToEntity(string partition, MonthlySnapshot s, int revision = 1) =>
        Codec.Write(partition, $"{s.Month}|{s.Code}", s, [new(RevisionColumn, revision), new(HashColumn, ContentHash(s))]);

    /// <summary>The stored snapshots of a month (what <see cref="WriteMonthAsync"/> compares with).</summary>
    public async Task<StoredMonth> StoredMonthAsync(string partition, YearMonth month, CancellationToken cancellationToken = default) =>
        new((await storage.Table(TableNames.Snapshots).PrefixAsync<TableEntity>(partition, month + "|", cancellationToken)).ToDictionary(s => s.RowKey, StringComparer.Ordinal));

    /// <summary>
    /// Writes a month's snapshots against what is stored for it (<see cref="StoredMonthAsync"/>, or
    /// <see cref="StoredMonth.None"/> for a month never consolidated): nothing for an unchanged one, a new revision for a
    /// changed one. Returns how many were written.
    /// </summary>
    public async Task<int> WriteMonthAsync(string partition, IReadOnlyList<MonthlySnapshot> snapshots, StoredMonth existing, CancellationToken cancellationToken = default)
    {
        var changed = new List<TableEntity>();
        var history = new List<TableEntity>();
        foreach (var snapshot in snapshots)
        {
            var revision = 1;
            if (existing.Rows.TryGetValue($"{snapshot.Month}|{snapshot.Code}", out var previous))
            {
                if (previous.GetString(HashColumn) == ContentHash(snapshot))
                {
                    continue;
                }

                var previousRevision = previous.GetInt32(RevisionColumn) ?? 0;
                revision = previousRevision + 1;
                history.Add(Copy(previous, string.Create(CultureInfo.InvariantCulture, $"{previous.RowKey}|{previousRevision:D4}")));
            }

            changed.Add(ToEntity(partition, snapshot, revision));
        }

        // Previous revisions first: a crash between the two writes leaves the old revision readable twice, never lost.
        await TableBatches.UpsertAsync(storage.Table(TableNames.SnapshotRevisions), history, cancellationToken);
        await TableBatches.UpsertAsync(storage.Table(TableNames.Snapshots), changed, cancellationToken);
        return changed.Count;
    }

    /// <summary>The stored snapshots of the months <paramref name="from"/> to <paramref name="to"/>, by code then month.</summary>
    public async Task<IReadOnlyList<StoredSnapshot>> RangeAsync(string partition, YearMonth from, YearMonth to, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.Snapshots).RangeAsync<TableEntity>(partition, from.ToString(), TableQueries.AfterPrefix(to + "|"), cancellationToken))
            .Select(Stored.Read)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Month)
            .ToList();

    /// <summary>The snapshots of every month of a year.</summary>
    public async Task<IReadOnlyList<MonthlySnapshot>> YearAsync(string partition, int year, CancellationToken cancellationToken = default) =>
        (await storage.Table(TableNames.Snapshots).PrefixAsync<TableEntity>(partition, year.ToString(CultureInfo.InvariantCulture) + "-", cancellationToken))
            .Select(Codec.Read)
            .ToList();

    /// <summary>A row's columns under another key (the service's own properties left out).</summary>
    private static TableEntity Copy(TableEntity row, string rowKey)
    {
        var copy = new TableEntity(row.PartitionKey, rowKey);
        foreach (var (name, value) in row.Where(c => c.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
        {
            copy[name] = value;
        }

        return copy;
    }

    /// <summary>The hash of what a snapshot says (amounts as the doubles stored), to leave an unchanged one alone.</summary>
    private static string ContentHash(MonthlySnapshot s)
    {
        var text = string.Join(
            '\u001F',
            s.Code,
            s.Label,
            ((double?)s.Value)?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            s.IsPercent,
            s.Text ?? string.Empty,
            ((double?)s.Target)?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty,
            s.TargetText ?? string.Empty,
            s.Status.Label(),
            s.Reliable,
            s.SourceIngestion ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
