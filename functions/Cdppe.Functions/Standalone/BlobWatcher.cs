using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// The standalone blob trigger: polls <c>uploads</c>, keeps a receipt per blob version (name + ETag) so each
/// version is processed once, retries failures with backoff and marks a blob poison after the retry budget,
/// as the Functions blob trigger does.
/// </summary>
public sealed class BlobWatcher(CdppeStorage storage, BlobReceiptStore receipts, WorkbookIngestor ingestor, IOptions<CdppeOptions> options, TimeProvider clock, ILogger<BlobWatcher> logger) : BackgroundService
{
    /// <summary>Processes every blob not yet processed (one pass); returns how many were attempted.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var key = ReceiptKey(blob.Name, blob.Properties.ETag?.ToString() ?? string.Empty);
            var receipt = await receipts.FindAsync(key, cancellationToken) ?? new BlobReceiptEntity { RowKey = key, BlobName = blob.Name, BlobETag = blob.Properties.ETag?.ToString() ?? string.Empty, State = "pending" };
            if (receipt.State is "done" or "poison" || (receipt.Attempts > 0 && clock.GetUtcNow() < receipt.UpdatedAt + Backoff(receipt.Attempts)))
            {
                continue;
            }

            attempted++;
            try
            {
                await ingestor.IngestAsync(blob.Name, cancellationToken);
                receipt.State = "done";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                receipt.Attempts++;
                receipt.LastError = ex.GetType().Name + ": " + ex.Message;
                logger.LogWarning(ex, "Ingestion of {BlobName} failed (attempt {Attempt} of {Max})", blob.Name, receipt.Attempts, options.Value.MaxBlobAttempts);
                if (receipt.Attempts >= options.Value.MaxBlobAttempts)
                {
                    receipt.State = "poison";
                    await ingestor.RecordPoisonAsync(blob.Name, receipt.Attempts, receipt.LastError, cancellationToken);
                    logger.LogError("Blob {BlobName} is poison after {Attempts} attempts", blob.Name, receipt.Attempts);
                }
            }

            receipt.UpdatedAt = clock.GetUtcNow();
            await receipts.SaveAsync(receipt, cancellationToken);
        }

        return attempted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Watching container {Container} every {Seconds} s", ContainerNames.Uploads, options.Value.BlobPollSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.BlobPollSeconds));
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Polling {Container} failed; will retry", ContainerNames.Uploads);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1)));

    private static string ReceiptKey(string name, string etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + etag.ToString(CultureInfo.InvariantCulture))));
}
