using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// The record step of an ingestion: the normalised content (accepted) and the French report are written, then the
/// record. An accepted ingestion's record is its commit: written with the dataset pointers and the marks on the
/// ingestions it replaces in one transaction, under the département's data lock, so that readers see all of the
/// ingestion or none of it, whatever fails. A retry after a failure redoes the whole ingestion (every key is
/// deterministic).
/// </summary>
public sealed class IngestionRecorder(IngestionStore ingestions, IngestionReportStore reports, RejectedStore rejected, DepartementLock locks, DepartementSummaryStore summaries, ILogger<IngestionRecorder> logger)
{
    public const int SummaryLength = 4_000;

    public async Task<IngestionResult> RecordAsync(IngestionOutcome outcome, CancellationToken cancellationToken = default)
    {
        var (upload, content) = (outcome.Upload, outcome.Content);
        var issues = PrintableIssues.Of(content.Issues.All);
        var status = outcome.Status;
        var dataPath = outcome.Plan is null ? null : await reports.WriteDataAsync(upload.Partition, IngestionData.Of(upload.Id, content), cancellationToken);
        var report = new IngestionReport(
            upload.FileName,
            upload.BlobName,
            upload.Partition,
            upload.Id,
            IngestionStatuses.Code(status),
            status == IngestionStatus.Accepted ? "Fichier importé." : "Fichier refusé : corrigez les erreurs ci-dessous puis déposez-le à nouveau.",
            upload.ReceivedAt,
            content.Sheets,
            issues.Select(IngestionReport.Issue.From).ToList())
        {
            AnnotatedCopy = outcome.AnnotatedPath,
            Data = dataPath,
        };
        var reportPath = await reports.WriteReportAsync(report, cancellationToken);
        var record = new IngestionRecord
        {
            Partition = upload.Partition,
            Id = upload.Id,
            FileName = upload.FileName,
            BlobName = upload.BlobName,
            Sha256 = upload.Id,
            Size = upload.Size,
            ReceivedAt = upload.ReceivedAt,
            Status = status,
            Kinds = content.Kinds.ToList(),
            Years = content.Sheets.SelectMany(s => s.Years).Distinct().Order().Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
            Contract = content.ContractPeriods,
            ErrorCount = issues.Count(i => i.Severity == Severity.Error),
            WarningCount = issues.Count(i => i.Severity == Severity.Warning),
            Lines = content.ItemCount,
            DataPath = dataPath,
            AnnotatedPath = outcome.AnnotatedPath,
            ArchivePath = outcome.ArchivePath ?? string.Empty,
            ReportPath = reportPath,
            Summary = Truncate(string.Join(" | ", issues.Where(i => i.Severity != Severity.Info).Take(5).Select(i => i.ToString())), SummaryLength),
        };

        if (outcome.Plan is { } plan)
        {
            if (!await CommitAsync(record, plan, cancellationToken))
            {
                logger.LogInformation("Blob {BlobName} was committed meanwhile as ingestion {IngestionId}; nothing more to do", upload.BlobName, upload.Id);
                await TouchAsync(upload.Partition, upload.ReceivedAt, cancellationToken);
                return new IngestionResult(upload.Partition, upload.Id, IngestionStatus.Duplicate, [], content.Kinds.ToList());
            }
        }
        else
        {
            await rejected.KeepReportAsync(report, cancellationToken);
            await ingestions.SaveAsync(record, cancellationToken);
        }

        await TouchAsync(upload.Partition, upload.ReceivedAt, cancellationToken);
        logger.LogInformation("Ingested {BlobName}: {Status}, {Errors} errors, {Warnings} warnings, kinds {Kinds}", upload.BlobName, IngestionStatuses.Code(record.Status), record.ErrorCount, record.WarningCount, string.Join(',', record.Kinds));
        return new IngestionResult(upload.Partition, upload.Id, status, content.Issues.All, content.Kinds.ToList());
    }

    /// <summary>Records an upload that failed every attempt, so that it shows in the list (it stays in uploads); keeps its archive path when it was archived.</summary>
    public async Task RecordFailureAsync(string blobName, string? ingestionId, bool archived, DateTimeOffset at, string summary, CancellationToken cancellationToken = default)
    {
        var partition = Upload.PartitionOf(blobName);
        await ingestions.SaveAsync(
            new IngestionRecord
            {
                Partition = partition,
                Id = "poison-" + Upload.NameHash(blobName)[..32],
                FileName = blobName.Split('/')[^1],
                BlobName = blobName,
                Sha256 = ingestionId ?? string.Empty,
                ReceivedAt = at,
                Status = IngestionStatus.Failed,
                ErrorCount = 1,
                ArchivePath = archived && ingestionId is not null ? ArchiveStore.PathOf(partition, ingestionId) : string.Empty,
                Summary = Truncate(UnicodeText.Clean(summary), SummaryLength),
            },
            cancellationToken);
        await TouchAsync(partition, at, cancellationToken);
    }

    /// <summary>A new change stamp for the département's summaries (the national views recompute them); not for the partition of unreadable paths.</summary>
    private Task TouchAsync(string partition, DateTimeOffset at, CancellationToken cancellationToken) =>
        Departement.TryParse(partition, out _) ? summaries.TouchAsync(partition, at, cancellationToken) : Task.CompletedTask;

    /// <summary>Commits under the data lock; false when the same bytes were committed meanwhile (two drops at once).</summary>
    private async Task<bool> CommitAsync(IngestionRecord record, DatasetPlan plan, CancellationToken cancellationToken)
    {
        await using var lease = await locks.AcquireDataAsync(record.Partition, cancellationToken);
        return await lease.RunAsync(
            async token =>
            {
                if (await ingestions.FindAsync(record.Partition, record.Id, token) is { Status: IngestionStatus.Accepted })
                {
                    return false;
                }

                var head = await ingestions.HeadAsync(record.Partition, token);
                await ingestions.CommitAsync(record, head, plan.Datasets, token);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Cuts at <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
