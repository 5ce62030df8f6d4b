using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table BlobReceipts (standalone host): one receipt per blob version, partition <see cref="Partition"/>.</summary>
public sealed class BlobReceiptStore(CdppeStorage storage)
{
    public const string Partition = "uploads";

    private TableClient Table => storage.Table(TableNames.BlobReceipts);

    public Task<BlobReceiptEntity?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        Table.FindAsync<BlobReceiptEntity>(Partition, key, cancellationToken);

    public Task SaveAsync(BlobReceiptEntity receipt, CancellationToken cancellationToken = default)
    {
        receipt.PartitionKey = Partition;
        return Table.UpsertEntityAsync(receipt, TableUpdateMode.Replace, cancellationToken);
    }
}
