using Azure.Storage.Blobs;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Api;

/// <summary>
/// Blob trigger on <c>uploads/{name}</c> (Event Grid source in Azure, the standalone blob watcher locally): the
/// blob is read with the SDK from its name, not from the payload. Whatever the name says (département, file
/// type, <c>..</c>, encoded separators) is judged once, by <see cref="UploadPath"/>, inside the ingestion.
/// </summary>
public sealed class IngestWorkbook(WorkbookIngestor ingestor, ILogger<IngestWorkbook> logger)
{
    [Function(nameof(IngestWorkbook))]
    public async Task Run(
        [BlobTrigger("uploads/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        var result = await ingestor.IngestAsync(blob.Name, cancellationToken);
        logger.LogInformation("{BlobName}: {Status} ({Issues} issues)", blob.Name, IngestionStatuses.Code(result.Status), result.Issues.Count);
    }
}
