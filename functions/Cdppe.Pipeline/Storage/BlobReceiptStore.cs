using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The standalone watcher's bookkeeping in table <c>BlobReceipts</c>: one receipt per blob version (name + ETag,
/// as the Functions host keeps receipts), and per watched container a checkpoint: the time before which every
/// blob is settled (done or poison), so that a poll reads no receipt of older blobs.
/// </summary>
public sealed class BlobReceiptStore(CdppeStorage storage)
{
    public const string ReceiptPartition = "uploads";
    public const string CheckpointPartition = "checkpoints";

    private TableClient Table => storage.Table(TableNames.BlobReceipts);

    public async Task<BlobReceiptEntity> GetAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        var key = Key(blobName, etag);
        var existing = await Table.GetEntityIfExistsAsync<BlobReceiptEntity>(ReceiptPartition, key, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value! : new BlobReceiptEntity { PartitionKey = ReceiptPartition, RowKey = key, BlobName = blobName, BlobETag = etag, State = Name(ReceiptState.Pending) };
    }

    public Task SaveAsync(BlobReceiptEntity receipt, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(receipt, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every blob of <paramref name="container"/> last modified before this time is settled.</summary>
    public async Task<DateTimeOffset> CheckpointAsync(string container, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<BlobReceiptEntity>(CheckpointPartition, container, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.UpdatedAt : DateTimeOffset.MinValue;
    }

    public Task MoveCheckpointAsync(string container, DateTimeOffset settledBefore, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new BlobReceiptEntity { PartitionKey = CheckpointPartition, RowKey = container, State = "checkpoint", UpdatedAt = settledBefore }, TableUpdateMode.Replace, cancellationToken);

    public static ReceiptState State(BlobReceiptEntity receipt) => Enum.TryParse<ReceiptState>(receipt.State, ignoreCase: true, out var state) ? state : ReceiptState.Pending;

    public static string Name(ReceiptState state) => state.ToString().ToLowerInvariant();

    private static string Key(string name, string etag) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + etag)));
}
