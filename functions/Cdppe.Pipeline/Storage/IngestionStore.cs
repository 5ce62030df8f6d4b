using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table Ingestions, partition = département: one record per workbook received (RowKey = SHA-256 of its bytes) and
/// the département's dataset pointers (<see cref="DatasetHead"/>, RowKey <see cref="HeadKey"/>). An accepted
/// ingestion is committed in one entity group transaction of this partition: its record, the pointers moved to its
/// rows, and the "superseded by" marks of the ingestions it replaces — all visible together, or none of them.
/// </summary>
public sealed class IngestionStore(CdppeStorage storage)
{
    /// <summary>Row key of the dataset pointers: sorts after every record (hex ids, "poison-…").</summary>
    public const string HeadKey = "~datasets";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly RowCodec<IngestionRecord> Codec = new();

    private TableClient Table => storage.Table(TableNames.Ingestions);

    public async Task<IngestionRecord?> FindAsync(string partition, string id, CancellationToken cancellationToken = default) =>
        await Table.FindAsync<TableEntity>(partition, id, cancellationToken) is { } row ? Read(row) : null;

    /// <summary>Every record of a département, newest first.</summary>
    public async Task<IReadOnlyList<IngestionRecord>> ListAsync(string partition, CancellationToken cancellationToken = default) =>
        (await Table.RangeAsync<TableEntity>(partition, string.Empty, HeadKey, cancellationToken))
            .Select(Read)
            .OrderByDescending(r => r.ReceivedAt)
            .ToList();

    /// <summary>Ids of the ingestions that were committed accepted: the only ones whose additive rows readers may use.</summary>
    public async Task<IReadOnlySet<string>> AcceptedAsync(string partition, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {IngestionStatuses.Code(IngestionStatus.Accepted)}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(e.RowKey);
        }

        return ids;
    }

    /// <summary>Every partition that has records (département codes, and the partition of invalid paths).</summary>
    public async Task<IReadOnlyList<string>> PartitionsAsync(CancellationToken cancellationToken = default)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            codes.Add(e.PartitionKey);
        }

        return codes.ToList();
    }

    public async Task<DatasetHead> HeadAsync(string partition, CancellationToken cancellationToken = default)
    {
        var head = await Table.FindAsync<DatasetHeadEntity>(partition, HeadKey, cancellationToken);
        return head is null
            ? DatasetHead.Empty(partition)
            : new DatasetHead(partition, JsonSerializer.Deserialize<Dictionary<string, string>>(head.Pointers, Json) ?? [], head.ETag);
    }

    /// <summary>Writes a record that moves no dataset (rejected, failed).</summary>
    public Task SaveAsync(IngestionRecord record, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(Write(record), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Commits an accepted ingestion read against <paramref name="head"/>: in one transaction, its record, the pointers
    /// of <paramref name="datasets"/> moved to it and the marks on the ingestions it replaces. Fails (412) if the
    /// pointers changed since <paramref name="head"/> was read. Returns the ingestions replaced.
    /// </summary>
    public async Task<Superseded> CommitAsync(IngestionRecord record, DatasetHead head, IReadOnlyCollection<string> datasets, CancellationToken cancellationToken = default)
    {
        var id = record.Id;
        var superseded = new Superseded();
        var pointers = new SortedDictionary<string, string>(head.Current.ToDictionary(), StringComparer.Ordinal);
        foreach (var key in datasets)
        {
            if (pointers.TryGetValue(key, out var previous) && previous != id)
            {
                superseded.Add(previous, DatasetKeys.KindOf(key));
            }

            pointers[key] = id;
        }

        var headEntity = new DatasetHeadEntity
        {
            PartitionKey = head.Partition,
            RowKey = HeadKey,
            Pointers = JsonSerializer.Serialize(pointers, Json),
            UpdatedAt = record.ReceivedAt,
            ETag = head.ETag,
        };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, Write(record)),
            head.ETag == default
                ? new(TableTransactionActionType.Add, headEntity)
                : new(TableTransactionActionType.UpdateReplace, headEntity, head.ETag),
        };
        foreach (var (earlier, kinds) in superseded)
        {
            var marks = ((await FindAsync(head.Partition, earlier, cancellationToken))?.SupersededBy ?? []).ToList();
            marks.AddRange(kinds.Select(kind => $"{kind}:{id}").Where(mark => !marks.Contains(mark)));
            actions.Add(new(TableTransactionActionType.UpsertMerge, new TableEntity(head.Partition, earlier) { [nameof(IngestionRecord.SupersededBy)] = string.Join(',', marks) }));
        }

        await TableBatches.SubmitAtomicAsync(Table, actions, cancellationToken);
        return superseded;
    }

    private static TableEntity Write(IngestionRecord record) => Codec.Write(record.Partition, record.Id, record);

    private static IngestionRecord Read(TableEntity row) => Codec.Read(row) with { Partition = row.PartitionKey, Id = row.RowKey };
}
