using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Recovery;

/// <summary>
/// Disaster recovery: rebuilds every table from <c>archive/</c> (the immutable raw files) into empty storage, by
/// replaying each archived file through the ingestion in the order it was received, with its original name and
/// time stamp, then consolidating every month that has data. The archive is the source of truth; the tables are
/// derived from it.
/// </summary>
public sealed class ArchiveRebuilder(ArchiveStore archive, WorkbookIngestor ingestor, ConsolidationRunner consolidation, ILogger<ArchiveRebuilder> logger)
{
    public async Task<RebuildSummary> RebuildAsync(Departement? only = null, CancellationToken cancellationToken = default)
    {
        var files = await archive.ListAsync(only?.Code, cancellationToken);
        int accepted = 0, rejected = 0, duplicates = 0;
        foreach (var file in files)
        {
            var result = await ingestor.IngestBytesAsync(file.BlobName, await archive.ReadAsync(file, cancellationToken), file.ReceivedAt, cancellationToken);
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

            logger.LogInformation("Replayed {Archive} as {BlobName}: {Status}", file.Name, file.BlobName, IngestionStatuses.Code(result.Status));
        }

        var consolidations = await consolidation.RunDueAsync("rebuild", only, cancellationToken);
        return new RebuildSummary(files.Count, accepted, rejected, duplicates, consolidations.Count);
    }
}
