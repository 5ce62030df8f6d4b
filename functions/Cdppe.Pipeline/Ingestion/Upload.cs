using System.Security.Cryptography;
using System.Text;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// One upload being ingested: its blob name (and the département its path names, or why it names none), its bytes,
/// their SHA-256 (the ingestion id: the same bytes are one ingestion) and the one time stamp of the whole ingestion.
/// </summary>
public sealed class Upload
{
    private Upload(string blobName, string id, byte[] bytes, long size, DateTimeOffset receivedAt)
    {
        BlobName = blobName;
        Path = UploadPath.TryParse(blobName, out var error);
        PathError = error;
        Id = id;
        Bytes = bytes;
        Size = size;
        ReceivedAt = receivedAt;
    }

    public string BlobName { get; }

    /// <summary>The département and file the path names, or null (see <see cref="PathError"/>).</summary>
    public UploadPath? Path { get; }

    public string? PathError { get; }

    /// <summary>The département's code, or <see cref="WorkbookIngestor.UnknownPartition"/> when the path names none.</summary>
    public string Partition => Path?.Departement.Code ?? WorkbookIngestor.UnknownPartition;

    public string FileName => Path?.FileName ?? BlobName.Split('/')[^1];

    public string Id { get; }

    public byte[] Bytes { get; }

    public long Size { get; }

    public DateTimeOffset ReceivedAt { get; }

    public static Upload Of(string blobName, byte[] bytes, DateTimeOffset receivedAt) =>
        new(blobName, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes, bytes.Length, receivedAt);

    /// <summary>An upload refused before its bytes are read (too large): its id is the hash of its name.</summary>
    public static Upload Unread(string blobName, long size, DateTimeOffset receivedAt) =>
        new(blobName, NameHash(blobName), [], size, receivedAt);

    public static string PartitionOf(string blobName) => UploadPath.TryParse(blobName, out _)?.Departement.Code ?? WorkbookIngestor.UnknownPartition;

    public static string NameHash(string blobName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
}
