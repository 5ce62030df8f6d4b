using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Ingests one uploaded workbook: archive the raw bytes first, parse and validate, then either store the
/// normalised entities or send the file to <c>rejected/</c>, and always write the ingestion report and record.
/// The record is written last: it is the commit (a retry after a crash redoes everything, deterministically), and
/// readers only use rows of accepted ingestions or of the current dataset versions (<see cref="DatasetStore"/>).
/// </summary>
public sealed class WorkbookIngestor(CdppeStorage storage, WorkbookParser parser, TimeProvider clock, ILogger<WorkbookIngestor> logger)
{
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>Partition of the records of files whose path names no valid département.</summary>
    public const string UnknownPartition = "_invalide";

    public async Task<IngestionResult> IngestAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = storage.Uploads.GetBlobClient(blobName);
        BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.ContentLength == 0)
        {
            logger.LogInformation("Blob {BlobName} is empty; waiting for its content", blobName);
            return new IngestionResult(UnknownPartition, null, IngestionStatus.Skipped, [], []);
        }

        var path = UploadPath.TryParse(blobName, out var pathError);
        var partition = path?.Departement.Code ?? UnknownPartition;
        var fileName = path?.FileName ?? blobName.Split('/')[^1];
        var issues = new IssueList();
        if (properties.ContentLength > MaxUploadBytes)
        {
            issues.Error("fichier-trop-gros", $"Le fichier fait {properties.ContentLength / (1024 * 1024)} Mo ; la limite est de {MaxUploadBytes / (1024 * 1024)} Mo. Il reste dans le dépôt, non importé.");
            return await RecordAsync(partition, blobName, fileName, Hash(blobName), properties.ContentLength, null, issues, null, clock.GetUtcNow(), cancellationToken);
        }

        using var buffer = new MemoryStream((int)properties.ContentLength);
        await blob.DownloadToAsync(buffer, cancellationToken);
        return await IngestBytesAsync(blobName, buffer.ToArray(), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Ingests the bytes of an upload received at <paramref name="receivedAt"/> (the one time stamp of the whole
    /// ingestion, so that a replay from the archive writes the same rows).
    /// </summary>
    public async Task<IngestionResult> IngestBytesAsync(string blobName, byte[] bytes, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var path = UploadPath.TryParse(blobName, out var pathError);
        var partition = path?.Departement.Code ?? UnknownPartition;
        var fileName = path?.FileName ?? blobName.Split('/')[^1];
        var issues = new IssueList();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var previous = await FindAsync(partition, sha, cancellationToken);
        if (previous is not null)
        {
            logger.LogInformation("Blob {BlobName} has the same bytes as ingestion {IngestionId}; nothing to do", blobName, sha);
            return new IngestionResult(partition, sha, IngestionStatus.Duplicate, [], previous.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        var archivePath = await ArchiveAsync(partition, sha, blobName, bytes, receivedAt, cancellationToken);
        WorkbookContent? content = null;
        if (path is null)
        {
            issues.Error("chemin-invalide", pathError!);
        }
        else
        {
            content = parser.Parse(new MemoryStream(bytes, writable: false));
            foreach (var issue in content.Issues.All)
            {
                issues.Add(issue);
            }
        }

        if (!issues.HasErrors && content is not null && path is not null)
        {
            await StoreAsync(path.Departement, sha, content, receivedAt, cancellationToken);
        }
        else
        {
            await storage.Rejected.GetBlobClient($"{partition}/{sha}/{fileName}").UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
        }

        return await RecordAsync(partition, blobName, fileName, sha, bytes.Length, archivePath, issues, content, receivedAt, cancellationToken);
    }

    /// <summary>Records a blob that failed every attempt, so that it is visible in the ingestion list (it stays in uploads).</summary>
    public async Task RecordPoisonAsync(string blobName, int attempts, string lastError, CancellationToken cancellationToken = default)
    {
        var path = UploadPath.TryParse(blobName, out _);
        var partition = path?.Departement.Code ?? UnknownPartition;
        var entity = new IngestionEntity
        {
            PartitionKey = partition,
            RowKey = "poison-" + Hash(blobName)[..32],
            FileName = path?.FileName ?? blobName.Split('/')[^1],
            BlobName = blobName,
            ReceivedAt = clock.GetUtcNow(),
            Status = "failed",
            ErrorCount = 1,
            Summary = Truncate($"Le traitement du fichier a échoué {attempts} fois ; il reste dans le dépôt et sera repris s'il est déposé à nouveau. Dernière erreur : {lastError}", 4_000),
        };
        await storage.Table(TableNames.Ingestions).UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<IngestionEntity?> FindAsync(string partition, string sha, CancellationToken cancellationToken)
    {
        var existing = await storage.Table(TableNames.Ingestions).GetEntityIfExistsAsync<IngestionEntity>(partition, sha, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }

    private async Task<string> ArchiveAsync(string partition, string sha, string blobName, byte[] bytes, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var path = $"{partition}/{sha}.xlsx";
        var archived = storage.Archive.GetBlobClient(path);
        try
        {
            await archived.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    ["sha256"] = sha,
                    ["originalname"] = Uri.EscapeDataString(blobName.Split('/')[^1]),
                    [ArchiveMetadata.BlobName] = Uri.EscapeDataString(blobName),
                    ["size"] = bytes.Length.ToString(CultureInfo.InvariantCulture),
                    [ArchiveMetadata.ReceivedAt] = receivedAt.ToString("O", CultureInfo.InvariantCulture),
                },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already archived: the archive is keyed by content, so the bytes are the same.
        }

        return $"{ContainerNames.Archive}/{path}";
    }

    private async Task StoreAsync(Departement departement, string sha, WorkbookContent content, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var partition = departement.Code;
        var datasets = new DatasetStore(storage);
        foreach (var year in content.BudgetLines.Select(l => l.Year).Distinct())
        {
            var lines = content.BudgetLines.Where(l => l.Year == year).Select(l => BudgetLineMapping.ToEntity(partition, sha, l));
            await TableBatches.UpsertAsync(storage.Table(TableNames.BudgetLines), lines, cancellationToken);
            await datasets.SetCurrentAsync(partition, BudgetLineMapping.Kind, year, sha, receivedAt, cancellationToken);
        }

        var values = content.IndicatorValues.Select(v => new IndicatorValueEntity
        {
            PartitionKey = partition,
            RowKey = $"{v.Period}|{v.Code}|{sha}",
            Code = v.Code,
            Label = v.Label,
            Period = v.Period.ToString(),
            Value = v.Value is { } d ? (double)d : null,
            IsPercent = v.IsPercent,
            Text = v.Text,
            Source = v.Source,
            Reliable = v.Reliable,
            Comment = v.Comment,
            IngestionId = sha,
            ReceivedAt = receivedAt,
            SourceCell = v.SourceCell,
        });
        await TableBatches.UpsertAsync(storage.Table(TableNames.IndicatorValues), values, cancellationToken);
    }

    private async Task<IngestionResult> RecordAsync(string partition, string blobName, string fileName, string id, long size, string? archivePath, IssueList issues, WorkbookContent? content, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var status = issues.HasErrors ? IngestionStatus.Rejected : IngestionStatus.Accepted;
        var kinds = content?.Kinds.ToList() ?? [];
        var reportPath = $"{partition}/{id}.json";
        var report = new IngestionReport(
            fileName,
            blobName,
            partition,
            id,
            IngestionResult.StatusCode(status),
            status == IngestionStatus.Accepted ? "Fichier importé." : "Fichier refusé : corrigez les erreurs ci-dessous puis déposez-le à nouveau.",
            receivedAt,
            content?.Sheets ?? [],
            issues.All.Select(IngestionReport.Issue.From).ToList());
        await storage.IngestionReports.GetBlobClient(reportPath).UploadAsync(BinaryData.FromObjectAsJson(report, IngestionReport.JsonOptions), overwrite: true, cancellationToken);
        if (status == IngestionStatus.Rejected)
        {
            await storage.Rejected.GetBlobClient($"{partition}/{id}/rapport.json").UploadAsync(BinaryData.FromObjectAsJson(report, IngestionReport.JsonOptions), overwrite: true, cancellationToken);
        }

        var entity = new IngestionEntity
        {
            PartitionKey = partition,
            RowKey = id,
            FileName = fileName,
            BlobName = blobName,
            Sha256 = id,
            Size = size,
            ReceivedAt = receivedAt,
            Status = IngestionResult.StatusCode(status),
            Kinds = string.Join(',', kinds),
            Years = string.Join(',', (content?.Sheets ?? []).SelectMany(s => s.Years).Distinct().Order()),
            ErrorCount = issues.All.Count(i => i.Severity == Severity.Error),
            WarningCount = issues.All.Count(i => i.Severity == Severity.Warning),
            Lines = content is null ? 0 : content.BudgetLines.Count + content.IndicatorValues.Count,
            ArchivePath = archivePath ?? string.Empty,
            ReportPath = $"{ContainerNames.IngestionReports}/{reportPath}",
            Summary = Truncate(string.Join(" | ", issues.All.Where(i => i.Severity != Severity.Info).Take(5).Select(i => i.ToString())), 4_000),
        };
        await storage.Table(TableNames.Ingestions).UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Ingested {BlobName}: {Status}, {Errors} errors, {Warnings} warnings, kinds {Kinds}", blobName, entity.Status, entity.ErrorCount, entity.WarningCount, entity.Kinds);
        return new IngestionResult(partition, id, status, issues.All, kinds);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Metadata of the archived raw files, read back by the rebuild from the archive.</summary>
public static class ArchiveMetadata
{
    public const string BlobName = "blobname";
    public const string ReceivedAt = "receivedat";
}

/// <summary>The ingestion report written next to every ingestion (JSON; messages in French).</summary>
public sealed record IngestionReport(string FileName, string BlobName, string Departement, string IngestionId, string Status, string Message, DateTimeOffset ReceivedAt, IReadOnlyList<SheetSummary> Sheets, IReadOnlyList<IngestionReport.Issue> Issues)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Issue(string Severity, string Code, string Message, string? Sheet, string? Cell, string? Seen, string? Expected, string Text)
    {
        public static Issue From(ValidationIssue i) => new(i.SeverityLabel, i.Code, i.Message, i.Sheet, i.Cell, i.Seen, i.Expected, i.ToString());
    }
}
