namespace Cdppe.Pipeline.Storage;

/// <summary>Standalone blob watcher bookkeeping: one row per blob version (ETag), as the Functions host keeps receipts.</summary>
public sealed class BlobReceiptEntity : EntityBase
{
    public string BlobName { get; set; } = string.Empty;

    public string BlobETag { get; set; } = string.Empty;

    public int Attempts { get; set; }

    /// <summary>pending, done or poison.</summary>
    public string State { get; set; } = string.Empty;

    public string? LastError { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
