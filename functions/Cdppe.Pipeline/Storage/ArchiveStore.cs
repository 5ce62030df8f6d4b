using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Container archive: the exact bytes of every upload, first of all (<c>archive/{dep}/{sha256}.xlsx</c>, immutable,
/// keyed by content), with the original name and reception time in metadata so that the tables can be rebuilt from it.
/// </summary>
public sealed class ArchiveStore(CdppeStorage storage)
{
    public const string BlobNameMetadata = "blobname";
    public const string ReceivedAtMetadata = "receivedat";
    public const string OriginalNameMetadata = "originalname";

    public static string PathOf(string partition, string id) => $"{ContainerNames.Archive}/{Name(partition, id)}";

    /// <summary>Archives the bytes (a second copy of the same content is a no-op); returns the archive path.</summary>
    public async Task<string> KeepAsync(string partition, string id, string blobName, byte[] bytes, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Archive.GetBlobClient(Name(partition, id)).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    ["sha256"] = id,
                    [OriginalNameMetadata] = Uri.EscapeDataString(blobName.Split('/')[^1]),
                    [BlobNameMetadata] = Uri.EscapeDataString(blobName),
                    ["size"] = bytes.Length.ToString(CultureInfo.InvariantCulture),
                    [ReceivedAtMetadata] = receivedAt.ToString("O", CultureInfo.InvariantCulture),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already archived: the archive is keyed by content, so the bytes are the same.
        }

        return PathOf(partition, id);
    }

    public async Task<bool> ExistsAsync(string partition, string id, CancellationToken cancellationToken = default) =>
        await storage.Archive.GetBlobClient(Name(partition, id)).ExistsAsync(cancellationToken);

    /// <summary>The archived files (of one partition, or all), in the order they were received.</summary>
    public async Task<IReadOnlyList<ArchivedFile>> ListAsync(string? partition = null, CancellationToken cancellationToken = default)
    {
        var files = new List<ArchivedFile>();
        await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, partition is null ? null : partition + "/", cancellationToken))
        {
            var receivedAt = blob.Metadata.TryGetValue(ReceivedAtMetadata, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : blob.Properties.CreatedOn ?? DateTimeOffset.MinValue;
            var blobName = blob.Metadata.TryGetValue(BlobNameMetadata, out var escaped)
                ? Uri.UnescapeDataString(escaped)
                : blob.Name.Split('/')[0] + "/" + Uri.UnescapeDataString(blob.Metadata.TryGetValue(OriginalNameMetadata, out var original) ? original : blob.Name.Split('/')[^1]);
            files.Add(new ArchivedFile(blob.Name, blobName, receivedAt));
        }

        return files.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<byte[]> ReadAsync(ArchivedFile file, CancellationToken cancellationToken = default) =>
        (await storage.Archive.GetBlobClient(file.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    private static string Name(string partition, string id) => $"{partition}/{id}.xlsx";
}
