using System.Globalization;
using Azure.Storage.Blobs.Models;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Storage;

public sealed record RebuildSummary(int Files, int Accepted, int Rejected, int Duplicates, int Consolidations);

/// <summary>
/// Disaster recovery: rebuilds every table from <c>archive/</c> (the immutable raw files) into empty storage, by
/// replaying each archived file through the ingestion in the order it was received, with its original name and
/// time stamp, then consolidating every month that has data. The archive is the source of truth; the tables are
/// derived from it.
/// </summary>
public sealed class ArchiveRebuilder(CdppeStorage storage, WorkbookIngestor ingestor, ConsolidationRunner consolidation, ILogger<ArchiveRebuilder> logger)
{
    public async Task<RebuildSummary> RebuildAsync(Departement? only = null, CancellationToken cancellationToken = default)
    {
        var files = new List<(BlobItem Blob, DateTimeOffset ReceivedAt)>();
        var prefix = only is { } d ? d.Code + "/" : null;
        await foreach (var blob in storage.Archive.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            var receivedAt = blob.Metadata.TryGetValue(ArchiveMetadata.ReceivedAt, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : blob.Properties.CreatedOn ?? DateTimeOffset.MinValue;
            files.Add((blob, receivedAt));
        }

        int accepted = 0, rejected = 0, duplicates = 0;
        foreach (var (blob, receivedAt) in files.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Blob.Name, StringComparer.Ordinal))
        {
            var blobName = blob.Metadata.TryGetValue(ArchiveMetadata.BlobName, out var escaped)
                ? Uri.UnescapeDataString(escaped)
                : blob.Name.Split('/')[0] + "/" + Uri.UnescapeDataString(blob.Metadata.TryGetValue("originalname", out var original) ? original : blob.Name.Split('/')[^1]);
            var content = await storage.Archive.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            var result = await ingestor.IngestBytesAsync(blobName, content.Value.Content.ToArray(), receivedAt, cancellationToken);
            switch (result.Status)
            {
                case IngestionStatus.Accepted:
                    accepted++;
                    break;
                case IngestionStatus.Rejected:
                    rejected++;
                    break;
                default:
                    duplicates++;
                    break;
            }

            logger.LogInformation("Replayed {Archive} as {BlobName}: {Status}", blob.Name, blobName, IngestionResult.StatusCode(result.Status));
        }

        var consolidations = await consolidation.RunDueAsync("rebuild", only, cancellationToken);
        return new RebuildSummary(files.Count, accepted, rejected, duplicates, consolidations.Count);
    }
}
