using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Ingests one uploaded workbook, in five steps: <b>archive</b> the raw bytes (first of all: nothing a file does can
/// lose them), <b>parse</b> and validate, <b>check</b> against the département's current data and the storage's
/// limits, then <b>store</b> its rows (accepted) or <b>reject</b> it (a copy in <c>rejected/</c> with a comment on each
/// faulty cell), and <b>record</b> it: the report, then the record, which for an accepted workbook is the commit that
/// makes all its rows visible at once (<see cref="IngestionRecorder"/>). An accepted workbook's months are then
/// consolidated at once (<see cref="IngestionConsolidation"/>).
/// The parse has a time budget (<see cref="IngestionOptions.TimeBudgetSeconds"/>): a file whose reading outlasts it is
/// stopped and rejected on this attempt, with a French message naming the limit, so that it is neither retried nor
/// left holding a worker.
/// </summary>
public sealed class WorkbookIngestor(
    UploadStore uploads,
    IngestionStore ingestions,
    ArchiveStore archive,
    WorkbookParser parser,
    IngestionChecks checks,
    DatasetStore datasets,
    RejectedStore rejected,
    IngestionRecorder recorder,
    IngestionConsolidation consolidation,
    Notifications.Notifier notifier,
    TimeProvider clock,
    IOptions<IngestionOptions> options,
    ILogger<WorkbookIngestor> logger)
{
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>Partition of the records of files whose path names no valid département.</summary>
    public const string UnknownPartition = Departement.UnknownPartition;

    public async Task<IngestionResult> IngestAsync(string blobName, CancellationToken cancellationToken = default)
    {
        // Every log of the ingestion carries its département and blob (custom properties in Application Insights).
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Departement"] = Upload.PartitionOf(blobName), ["BlobName"] = blobName });
        var size = await uploads.SizeAsync(blobName, cancellationToken);
        if (size is null or 0)
        {
            logger.LogInformation("Blob {BlobName} is empty or gone; waiting for its content", blobName);
            return new IngestionResult(UnknownPartition, null, IngestionStatus.Skipped, [], []);
        }

        if (size > MaxUploadBytes)
        {
            var content = new WorkbookContent();
            content.Issues.Add(IngestionMessages.FileTooLarge(size.Value, MaxUploadBytes));
            return await recorder.RecordAsync(new IngestionOutcome(Upload.Unread(blobName, size.Value, clock.GetUtcNow()), content, null, null, null), cancellationToken);
        }

        return await IngestBytesAsync(blobName, await uploads.ReadAsync(blobName, size.Value, cancellationToken), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Ingests the bytes of an upload received at <paramref name="receivedAt"/> (the one time stamp of the whole
    /// ingestion, so that a replay from the archive writes the same rows).
    /// </summary>
    public async Task<IngestionResult> IngestBytesAsync(string blobName, byte[] bytes, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var upload = Upload.Of(blobName, bytes, receivedAt);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Departement"] = upload.Partition, ["IngestionId"] = upload.Id });
        if (await ingestions.FindAsync(upload.Partition, upload.Id, cancellationToken) is { Status: IngestionStatus.Accepted or IngestionStatus.Rejected } previous)
        {
            logger.LogInformation("Blob {BlobName} has the same bytes as ingestion {IngestionId}; nothing to do", blobName, upload.Id);
            return new IngestionResult(upload.Partition, upload.Id, IngestionStatus.Duplicate, [], previous.Kinds.ToList());
        }

        var archivePath = await archive.KeepAsync(upload.Partition, upload.Id, blobName, bytes, receivedAt, cancellationToken);
        var (content, outOfTime) = await ParseWithinBudgetAsync(upload, cancellationToken);
        var plan = await checks.RunAsync(upload, content, cancellationToken);
        string? annotatedPath = null;
        if (plan is not null)
        {
            await datasets.WriteAsync(plan, cancellationToken);
        }
        else
        {
            // A file that could not be read in time is not read again for an annotated copy.
            annotatedPath = await RejectAsync(upload, content, annotate: !outOfTime, cancellationToken);
        }

        var result = await recorder.RecordAsync(new IngestionOutcome(upload, content, archivePath, plan, annotatedPath), cancellationToken);
        if (result.Status == IngestionStatus.Accepted)
        {
            await consolidation.AfterIngestionAsync(upload.Partition, content, cancellationToken);
        }
        else if (result.Status == IngestionStatus.Rejected && Departement.TryParse(upload.Partition, out var departement))
        {
            var errors = content.Issues.ErrorCount;
            await notifier.NotifyDepartementAsync(
                departement.Value,
                Notifications.NotificationKinds.FileRefused,
                $"CDPPE {departement.Value.Code} : fichier refusé « {Path.GetFileName(blobName)} »",
                $"Le fichier « {Path.GetFileName(blobName)} » déposé pour le département {departement.Value.Code} a été refusé ({errors} erreur{(errors > 1 ? "s" : string.Empty)}). Le détail et la copie annotée sont sur la page Dépôts du portail.",
                cancellationToken);
        }

        return result;
    }

    /// <summary>Records a blob that failed every attempt, so that it is visible in the ingestion list (it stays in uploads).</summary>
    public async Task RecordPoisonAsync(string blobName, int attempts, string lastError, CancellationToken cancellationToken = default)
    {
        var id = await uploads.HashAsync(blobName, cancellationToken);
        var archived = id is not null && await archive.ExistsAsync(Upload.PartitionOf(blobName), id, cancellationToken);
        await recorder.RecordFailureAsync(
            blobName,
            id,
            archived,
            clock.GetUtcNow(),
            $"Le traitement du fichier a échoué {attempts} fois ; il reste dans le dépôt et sera repris s'il est déposé à nouveau. Dernière erreur : {lastError}",
            cancellationToken);
    }

    /// <summary>
    /// Parses the upload on a worker thread, stopped once the time budget is spent: the content is then only the
    /// refusal naming the limit (whatever was read is dropped). A cancellation of the caller still throws.
    /// </summary>
    private async Task<(WorkbookContent Content, bool OutOfTime)> ParseWithinBudgetAsync(Upload upload, CancellationToken cancellationToken)
    {
        var content = new WorkbookContent();
        if (upload.Path is null)
        {
            content.Issues.Add(IngestionMessages.InvalidPath(upload.PathError!));
            return (content, false);
        }

        var settings = options.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.TimeBudget);
        try
        {
            return (await Task.Run(() => parser.Parse(new MemoryStream(upload.Bytes, writable: false), budget.Token), budget.Token), false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Blob {BlobName}: reading stopped after its time budget of {Seconds} s; the file is rejected", upload.BlobName, settings.TimeBudgetSeconds);
            content.Issues.Add(IngestionMessages.TimeBudgetExceeded(settings.TimeBudgetSeconds));
            return (content, true);
        }
    }

    /// <summary>Keeps the refused file, with its annotated copy when it could be read as a workbook.</summary>
    private Task<string?> RejectAsync(Upload upload, WorkbookContent content, bool annotate, CancellationToken cancellationToken)
    {
        var annotated = upload.Path is null || !annotate ? null : AnnotatedCopy.Create(upload.Bytes, PrintableIssues.Of(content.Issues.All));
        return rejected.KeepAsync(upload.Partition, upload.Id, upload.FileName, upload.Bytes, annotated, AnnotatedCopy.FileName(upload.FileName, upload.Bytes), cancellationToken);
    }
}
