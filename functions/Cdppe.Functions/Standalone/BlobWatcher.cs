using System.Collections.Concurrent;
using Azure;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Consolidation;
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
/// <item>Each département has its own lane: its files are ingested one at a time, in the order they were dropped
/// (time of the last write, then name), and up to <see cref="IngestionOptions.MaxParallelDepartements"/> lanes run at
/// once. A poll starts a lane for each département with files to settle and none running, and does not wait for it:
/// a slow file holds its own département only (and the ingestion's time budget bounds it).</item>
/// <item>Each attempt is counted in its receipt <em>before</em> it starts. An attempt that never finished (the
/// process crashed or was killed under it) or that outlived <see cref="CdppeOptions.BlobAttemptTimeoutSeconds"/> makes
/// the blob poison at once: a file that takes the host down is not tried again after the restart.</item>
/// <item>A checkpoint (a time of the storage's clock before which every blob is settled) spares the receipts of
/// older blobs: a poll lists the container and reads receipts only for blobs changed in the last
/// <see cref="CdppeOptions.BlobSettleSeconds"/> before the newest one, or still open, whatever the number of past
/// uploads.</item>
/// <item>A drop through the portal or the upload route signals the watcher (<see cref="UploadSignal"/>): it polls at
/// once rather than at the next tick, and a lane that ends polls again for the files dropped while it ran. The files of
/// one lane consolidate once, at the end, their months merged (<see cref="IngestionConsolidation.MergedAsync"/>).</item>
/// </list>
/// One watcher per storage account, polled by one loop: an attempt left open by an earlier process is taken as
/// interrupted.
/// </summary>
public sealed class BlobWatcher(UploadStore uploads, BlobReceiptStore receipts, UploadSignal signal, IngestionConsolidation consolidation, IServiceScopeFactory scopes, IOptions<CdppeOptions> options, IOptions<IngestionOptions> ingestion, TimeProvider clock, ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly DeclaredFunction function = FunctionCatalog.All.Single(f => f.Blob is not null);
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    /// <summary>Receipts whose attempt this process ran (and, a département's files going one at a time, has finished).</summary>
    private readonly ConcurrentDictionary<string, bool> triedHere = new(StringComparer.Ordinal);

    /// <summary>The running lane of each département (its partition), removed by the lane when it ends.</summary>
    private readonly ConcurrentDictionary<string, Task<int>> lanes = new(StringComparer.Ordinal);

    /// <summary>Lanes allowed to ingest at once.</summary>
    private readonly SemaphoreSlim slots = new(ingestion.Value.MaxParallelDepartements);

    /// <summary>The watched container: the first segment of the trigger's path.</summary>
    public string Container => function.Blob!.BlobPath.Split('/')[0];

    /// <summary>
    /// Processes every blob not yet settled (one pass) and waits for the lanes it started; returns how many blobs
    /// were attempted.
    /// </summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = await DispatchAsync(cancellationToken);
        return (await Task.WhenAll(started)).Sum();
    }

    public override void Dispose()
    {
        slots.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Lists the container, moves the checkpoint up to the oldest blob still open, and starts a lane for each
    /// département with open blobs and no lane running (its blobs wait for the next poll otherwise).
    /// </summary>
    private async Task<List<Task<int>>> DispatchAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await receipts.CheckpointAsync(Container, cancellationToken);
        var overlap = TimeSpan.FromSeconds(options.Value.BlobSettleSeconds);
        DateTimeOffset? newest = null;
        DateTimeOffset? oldestOpen = null;
        var open = new Dictionary<string, List<UploadedBlob>>(StringComparer.Ordinal);
        await foreach (var blob in uploads.ListAsync(cancellationToken))
        {
            // Times of the storage's clock only, so that the checkpoint never runs ahead of it.
            var modified = blob.LastModified ?? DateTimeOffset.MaxValue;
            newest = newest is null || modified > newest ? modified : newest;
            if (modified < checkpoint)
            {
                continue;
            }

            var partition = Upload.PartitionOf(blob.Name);
            if (!lanes.ContainsKey(partition))
            {
                var receipt = await receipts.GetAsync(blob.Name, blob.ETag, cancellationToken);
                if (BlobReceiptStore.State(receipt) is ReceiptState.Done or ReceiptState.Poison)
                {
                    continue;
                }

                if (!open.TryGetValue(partition, out var queued))
                {
                    open[partition] = queued = [];
                }

                queued.Add(blob);
            }

            // Open, or of a département whose lane is running: the checkpoint stays before it.
            if (oldestOpen is null || modified < oldestOpen)
            {
                oldestOpen = modified;
            }
        }

        if (newest is { } last && last != DateTimeOffset.MaxValue)
        {
            var settledBefore = last - overlap;
            if (oldestOpen is { } first && first < settledBefore)
            {
                settledBefore = first;
            }

            if (settledBefore > checkpoint)
            {
                await receipts.MoveCheckpointAsync(Container, settledBefore, cancellationToken);
            }
        }

        var started = new List<Task<int>>();
        foreach (var (partition, blobs) in open)
        {
            // Registered before it runs, so that the lane's removal of itself always finds it.
            var cold = new Task<Task<int>>(() => RunLaneAsync(partition, blobs, cancellationToken));
            var lane = cold.Unwrap();
            lanes[partition] = lane;
            cold.Start(TaskScheduler.Default);
            started.Add(lane);
        }

        return started;
    }

    /// <summary>A département's open blobs, one at a time in drop order, once a slot is free; returns how many were attempted.</summary>
    private async Task<int> RunLaneAsync(string partition, List<UploadedBlob> blobs, CancellationToken cancellationToken)
    {
        var attempted = 0;
        try
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await consolidation.MergedAsync(
                    async () =>
                    {
                        foreach (var blob in blobs.OrderBy(b => b.LastModified ?? DateTimeOffset.MaxValue).ThenBy(b => b.Name, StringComparer.Ordinal))
                        {
                            attempted += await ProcessAsync(blob, cancellationToken) ? 1 : 0;
                        }
                    },
                    cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the blobs left are taken again at the next start.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Ingesting the files of {Partition} failed; the next poll takes them again", partition);
        }
        finally
        {
            lanes.TryRemove(partition, out _);
            if (attempted > 0)
            {
                signal.Notify(); // files dropped while the lane ran wait for no tick (a lane that tried nothing does not loop)
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
        var interval = TimeSpan.FromSeconds(options.Value.BlobPollSeconds);
        try
        {
            do
            {
                try
                {
                    await DispatchAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Polling {Container} failed; will retry", Container);
                }
            }
            while (await signal.WaitAsync(interval, stoppingToken) || !stoppingToken.IsCancellationRequested);
        }
        finally
        {
            // The lanes end their attempt (a stop does not count it) before the host lets go of their services.
            await Task.WhenAll(lanes.Values);
        }
    }

    /// <summary>One blob version: returns whether it was attempted now.</summary>
    private async Task<bool> ProcessAsync(UploadedBlob blob, CancellationToken cancellationToken)
    {
        var receipt = await receipts.GetAsync(blob.Name, blob.ETag, cancellationToken);
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.BlobAttemptTimeoutSeconds);
        switch (BlobReceiptStore.State(receipt))
        {
            case ReceiptState.Done or ReceiptState.Poison:
                return false;
            case ReceiptState.Trying when triedHere.ContainsKey(receipt.RowKey):
                // This process ran that attempt and it failed, but storage did not take the receipt's update: a failure.
                break;
            case ReceiptState.Trying when receipt.UpdatedAt < startedAt || clock.GetUtcNow() - receipt.UpdatedAt > timeout:
                logger.LogError("Blob {BlobName}: attempt {Attempt} never finished (the host stopped under it, or it ran past {Timeout}); poison, not retried", blob.Name, receipt.Attempts, timeout);
                await PoisonAsync(receipt, $"le traitement a été interrompu (arrêt brutal du service ou durée de plus de {timeout.TotalSeconds:0} s) ; il n'est pas repris automatiquement", cancellationToken);
                return false;
            case ReceiptState.Trying:
                return false;
        }

        if (receipt.Attempts >= settings.MaxBlobAttempts)
        {
            await PoisonAsync(receipt, $"le traitement a échoué à chacune des {receipt.Attempts} tentatives", cancellationToken);
            return false;
        }

        if (receipt.Attempts > 0 && clock.GetUtcNow() < receipt.UpdatedAt + Backoff(receipt.Attempts))
        {
            return false;
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
            return true;
        }
        catch (Exception ex)
        {
            receipt.LastError = ex.GetType().Name + ": " + ex.Message;
            logger.LogWarning(ex, "Ingestion of {BlobName} failed (attempt {Attempt} of {Max})", blob.Name, receipt.Attempts, settings.MaxBlobAttempts);
            if (receipt.Attempts >= settings.MaxBlobAttempts)
            {
                logger.LogError("Blob {BlobName} is poison after {Attempts} attempts", blob.Name, receipt.Attempts);
                await PoisonAsync(receipt, Describe(ex), cancellationToken);
                return true;
            }

            receipt.State = BlobReceiptStore.Name(ReceiptState.Pending);
        }

        receipt.UpdatedAt = clock.GetUtcNow();
        await receipts.SaveAsync(receipt, cancellationToken);
        return true;
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
