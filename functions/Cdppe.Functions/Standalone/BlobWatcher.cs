using System.Collections.Concurrent;
using Azure;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// The standalone blob trigger. It polls the container of the blob function's path (<c>uploads/{name}</c> on
/// <see cref="Functions.IngestWorkbook"/>) and runs the function once per blob version, as the Functions blob
/// trigger does: a receipt per version (name + ETag), failures retried with backoff, poison after
/// <see cref="CdppeOptions.MaxBlobAttempts"/>.
/// <list type="bullet">
/// <item>Each attempt is counted in its receipt <em>before</em> it starts. An attempt that never finished (the
/// process crashed or was killed under it) or that outlived <see cref="CdppeOptions.BlobAttemptTimeoutSeconds"/> makes
/// the blob poison at once: a file that takes the host down is not tried again after the restart.</item>
/// <item>A checkpoint (a time of the storage's clock before which every blob is settled) spares the receipts of
/// older blobs: a poll lists the container and reads receipts only for blobs changed in the last
/// <see cref="CdppeOptions.BlobSettleSeconds"/> before the newest one, or still open, whatever the number of past
/// uploads.</item>
/// </list>
/// One watcher per storage account: an attempt left open by an earlier process is taken as interrupted.
/// </summary>
public sealed class BlobWatcher(UploadStore uploads, BlobReceiptStore receipts, IServiceScopeFactory scopes, IOptions<CdppeOptions> options, TimeProvider clock, ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly DeclaredFunction function = FunctionCatalog.All.Single(f => f.Blob is not null);
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    /// <summary>Receipts whose attempt this process ran (and, polls being sequential, has finished).</summary>
    private readonly ConcurrentDictionary<string, bool> triedHere = new(StringComparer.Ordinal);

    /// <summary>The watched container: the first segment of the trigger's path.</summary>
    public string Container => function.Blob!.BlobPath.Split('/')[0];

    /// <summary>Processes every blob not yet settled (one pass); returns how many were attempted.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await receipts.CheckpointAsync(Container, cancellationToken);
        var overlap = TimeSpan.FromSeconds(options.Value.BlobSettleSeconds);
        DateTimeOffset? newest = null;
        DateTimeOffset? oldestOpen = null;
        var attempted = 0;
        await foreach (var blob in uploads.ListAsync(cancellationToken))
        {
            // Times of the storage's clock only, so that the checkpoint never runs ahead of it.
            var modified = blob.LastModified ?? DateTimeOffset.MaxValue;
            newest = newest is null || modified > newest ? modified : newest;
            if (modified < checkpoint)
            {
                continue;
            }

            var (tried, settled) = await ProcessAsync(blob, cancellationToken);
            attempted += tried ? 1 : 0;
            if (!settled && (oldestOpen is null || modified < oldestOpen))
            {
                oldestOpen = modified;
            }
        }

        if (newest is { } last && last != DateTimeOffset.MaxValue)
        {
            var settledBefore = last - overlap;
            if (oldestOpen is { } open && open < settledBefore)
            {
                settledBefore = open;
            }

            if (settledBefore > checkpoint)
            {
                await receipts.MoveCheckpointAsync(Container, settledBefore, cancellationToken);
            }
        }

        return attempted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunBlobWatcher)
        {
            return;
        }

        logger.LogInformation("Watching container {Container} every {Seconds} s for {Function}", Container, options.Value.BlobPollSeconds, function.Name);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.BlobPollSeconds));
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Polling {Container} failed; will retry", Container);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One blob version: returns whether it was attempted now and whether it is settled (done or poison).</summary>
    private async Task<(bool Tried, bool Settled)> ProcessAsync(UploadedBlob blob, CancellationToken cancellationToken)
    {
        var receipt = await receipts.GetAsync(blob.Name, blob.ETag, cancellationToken);
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.BlobAttemptTimeoutSeconds);
        switch (BlobReceiptStore.State(receipt))
        {
            case ReceiptState.Done or ReceiptState.Poison:
                return (false, true);
            case ReceiptState.Trying when triedHere.ContainsKey(receipt.RowKey):
                // This process ran that attempt and it failed, but storage did not take the receipt's update: a failure.
                break;
            case ReceiptState.Trying when receipt.UpdatedAt < startedAt || clock.GetUtcNow() - receipt.UpdatedAt > timeout:
                logger.LogError("Blob {BlobName}: attempt {Attempt} never finished (the host stopped under it, or it ran past {Timeout}); poison, not retried", blob.Name, receipt.Attempts, timeout);
                await PoisonAsync(receipt, $"le traitement a été interrompu (arrêt brutal du service ou durée de plus de {timeout.TotalSeconds:0} s) ; il n'est pas repris automatiquement", cancellationToken);
                return (false, true);
            case ReceiptState.Trying:
                return (false, false);
        }

        if (receipt.Attempts >= settings.MaxBlobAttempts)
        {
            await PoisonAsync(receipt, $"le traitement a échoué à chacune des {receipt.Attempts} tentatives", cancellationToken);
            return (false, true);
        }

        if (receipt.Attempts > 0 && clock.GetUtcNow() < receipt.UpdatedAt + Backoff(receipt.Attempts))
        {
            return (false, false);
        }

        // Counted before the attempt: if the process dies during it, the receipt says so.
        receipt.Attempts++;
        receipt.State = BlobReceiptStore.Name(ReceiptState.Trying);
        receipt.UpdatedAt = clock.GetUtcNow();
        await receipts.SaveAsync(receipt, cancellationToken);
        triedHere[receipt.RowKey] = true;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var blobClient = uploads.Blob(blob.Name);
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, attempt.Token, blobClient).WaitAsync(timeout, clock, cancellationToken);
            receipt.State = BlobReceiptStore.Name(ReceiptState.Done);
            receipt.LastError = null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: this attempt does not count; the next start takes the blob again.
            receipt.Attempts--;
            receipt.State = BlobReceiptStore.Name(ReceiptState.Pending);
            receipt.UpdatedAt = clock.GetUtcNow();
            await receipts.SaveAsync(receipt, CancellationToken.None);
            throw;
        }
        catch (TimeoutException)
        {
            await attempt.CancelAsync();
            logger.LogError("Blob {BlobName}: attempt {Attempt} ran past {Timeout}; poison, not retried", blob.Name, receipt.Attempts, timeout);
            await PoisonAsync(receipt, $"le traitement a duré plus de {timeout.TotalSeconds:0} s ; il n'est pas repris automatiquement", cancellationToken);
            return (true, true);
        }
        catch (Exception ex)
        {
            receipt.LastError = ex.GetType().Name + ": " + ex.Message;
            logger.LogWarning(ex, "Ingestion of {BlobName} failed (attempt {Attempt} of {Max})", blob.Name, receipt.Attempts, settings.MaxBlobAttempts);
            if (receipt.Attempts >= settings.MaxBlobAttempts)
            {
                logger.LogError("Blob {BlobName} is poison after {Attempts} attempts", blob.Name, receipt.Attempts);
                await PoisonAsync(receipt, Describe(ex), cancellationToken);
                return (true, true);
            }

            receipt.State = BlobReceiptStore.Name(ReceiptState.Pending);
        }

        receipt.UpdatedAt = clock.GetUtcNow();
        await receipts.SaveAsync(receipt, cancellationToken);
        return (true, BlobReceiptStore.State(receipt) == ReceiptState.Done);
    }

    /// <summary>Marks the receipt poison and records the failure where users look (the ingestion list).</summary>
    private async Task PoisonAsync(Pipeline.Storage.BlobReceiptEntity receipt, string reason, CancellationToken cancellationToken)
    {
        // The record first: should it fail, the receipt is not yet final and the next poll records it again.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkbookIngestor>().RecordPoisonAsync(receipt.BlobName, receipt.Attempts, reason, cancellationToken);
        }

        receipt.State = BlobReceiptStore.Name(ReceiptState.Poison);
        receipt.LastError ??= reason;
        receipt.UpdatedAt = clock.GetUtcNow();
        await receipts.SaveAsync(receipt, cancellationToken);
    }

    /// <summary>The last error in words for users (the exception's text stays in the log and the receipt).</summary>
    private static string Describe(Exception exception) => exception switch
    {
        RequestFailedException storageError => $"le stockage a refusé une opération (statut {storageError.Status}{(storageError.ErrorCode is { Length: > 0 } code ? ", " + code : string.Empty)})",
        IOException or HttpRequestException or TimeoutException => "le stockage n'a pas répondu",
        _ => $"erreur interne ({exception.GetType().Name}), détaillée dans le journal du service",
    };

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1)));
}
