using System.Text.Json;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Api;

/// <summary>
/// Queue trigger on the Functions host's poison queue of blob triggers (<c>webjobs-blobtrigger-poison</c>, where the
/// host puts a blob whose function failed <c>poisonBlobThreshold</c> times, host.json): an upload that failed every
/// attempt is recorded as failed, so that it shows in the ingestion list, as the standalone host's blob watcher
/// records its poison blobs. The upload stays in <c>uploads/</c>.
/// </summary>
public sealed class RecordPoisonUpload(WorkbookIngestor ingestor, IOptions<CdppeOptions> options, ILogger<RecordPoisonUpload> logger)
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Function(nameof(RecordPoisonUpload))]
    public async Task Run(
        [QueueTrigger(PoisonQueue, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        var poison = JsonSerializer.Deserialize<PoisonBlobMessage>(message, Json);
        if (poison is not { ContainerName: ContainerNames.Uploads, BlobName: { Length: > 0 } blobName })
        {
            logger.LogWarning("Poison message of another container or function ignored: {Message}", message);
            return;
        }

        logger.LogError("Blob {BlobName}: {Function} failed every attempt; recorded as failed", blobName, poison.FunctionId);
        await ingestor.RecordPoisonAsync(blobName, options.Value.MaxBlobAttempts, "voir le journal de l'application (fonction IngestWorkbook)", cancellationToken);
    }
}
