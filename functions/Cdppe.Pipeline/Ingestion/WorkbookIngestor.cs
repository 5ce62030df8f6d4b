using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Ingests one uploaded workbook: archive the raw bytes first, parse and validate, cross-check with what the
/// département already has, then either store the normalised entities (each kind replacing the same kind's earlier
/// data, the earlier ingestions marked as superseded and their content kept readable as JSON) or send the file to
/// <c>rejected/</c> with its report and an annotated copy; always write the ingestion report, then the record.
/// The record is written last: it is the commit (a retry after a crash redoes everything, deterministically), and
/// readers only use rows of accepted ingestions or of the current dataset versions (<see cref="DatasetStore"/>).
/// </summary>
public sealed class WorkbookIngestor(CdppeStorage storage, WorkbookParser parser, TimeProvider clock, ILogger<WorkbookIngestor> logger)
{
    /// <summary>Name of the annotated copy of a rejected workbook, next to it in <c>rejected/{département}/{id}/</c>.</summary>
    public const string AnnotatedPrefix = "annote-";

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
            var before = content.Issues.All.Count;
            await ResolveCodesAsync(partition, content, cancellationToken);
            await new CrossWorkbookChecks(storage).RunAsync(partition, content, cancellationToken);
            foreach (var issue in content.Issues.All.Skip(before))
            {
                issues.Add(issue);
            }
        }

        string? dataPath = null;
        string? annotatedPath = null;
        if (!issues.HasErrors && content is not null && path is not null)
        {
            dataPath = await WriteDataAsync(partition, sha, content, cancellationToken);
            var store = new IngestionStore(storage);
            await using (await new DepartementLock(storage).AcquireAsync(partition, TimeSpan.FromSeconds(60), cancellationToken))
            {
                var superseded = await store.StoreAsync(partition, sha, receivedAt, content, cancellationToken);
                await store.MarkSupersededAsync(partition, sha, superseded, cancellationToken);
            }
        }
        else
        {
            await storage.Rejected.GetBlobClient($"{partition}/{sha}/{fileName}").UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
            if (content is not null && AnnotatedCopy.Create(bytes, issues.All) is { } annotated)
            {
                var name = $"{partition}/{sha}/{AnnotatedPrefix}{AnnotatedCopy.FileName(fileName, bytes)}";
                await storage.Rejected.GetBlobClient(name).UploadAsync(new BinaryData(annotated), overwrite: true, cancellationToken);
                annotatedPath = $"{ContainerNames.Rejected}/{name}";
            }
        }

        return await RecordAsync(partition, blobName, fileName, sha, bytes.Length, archivePath, issues, content, receivedAt, cancellationToken, dataPath, annotatedPath);
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

    /// <summary>
    /// Suivi-mensuel rows written with a label but no code (and no objective) get "OXX-…"; when the département
    /// knows exactly one indicator with the same canonical label, the row is that indicator.
    /// </summary>
    private async Task ResolveCodesAsync(string partition, WorkbookContent content, CancellationToken cancellationToken)
    {
        const string Unknown = "OXX-";
        if (!content.IndicatorValues.Any(v => v.Code.StartsWith(Unknown, StringComparison.Ordinal)))
        {
            return;
        }

        var bySlug = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var e in storage.Table(TableNames.Indicators).QueryAsync<IndicatorEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var dash = e.RowKey.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && !e.RowKey.StartsWith(Unknown, StringComparison.Ordinal))
            {
                var slug = e.RowKey[(dash + 1)..];
                if (!bySlug.TryGetValue(slug, out var codes))
                {
                    bySlug[slug] = codes = [];
                }

                codes.Add(e.RowKey);
            }
        }

        var resolved = 0;
        for (var i = 0; i < content.IndicatorValues.Count; i++)
        {
            var value = content.IndicatorValues[i];
            if (value.Code.StartsWith(Unknown, StringComparison.Ordinal) && bySlug.TryGetValue(value.Code[Unknown.Length..], out var codes) && codes is [var code])
            {
                content.IndicatorValues[i] = value with { Code = code };
                resolved++;
            }
        }

        if (resolved > 0)
        {
            content.Issues.Add(new ValidationIssue(Severity.Info, "codes-retrouves", resolved == 1 ? "1 valeur sans code a été rattachée à l'indicateur du département de même libellé." : $"{resolved} valeurs sans code ont été rattachées aux indicateurs du département de même libellé.", content.SheetOfKind(Kinds.SuiviMensuelParser.KindName)));
        }
    }

    /// <summary>The normalised content of an accepted workbook, kept readable by ingestion id after a later drop replaces its rows.</summary>
    private async Task<string> WriteDataAsync(string partition, string sha, WorkbookContent content, CancellationToken cancellationToken)
    {
        var path = $"{partition}/{sha}.data.json";
        var data = new IngestionData(
            sha,
            content.Kinds.ToList(),
            content.BudgetLines,
            content.IndicatorValues,
            content.Fiches,
            content.Bilans,
            content.Indicators,
            content.PlannedFunding,
            content.ObjectivePlans);
        await storage.IngestionReports.GetBlobClient(path).UploadAsync(BinaryData.FromObjectAsJson(data, IngestionReport.JsonOptions), overwrite: true, cancellationToken);
        return $"{ContainerNames.IngestionReports}/{path}";
    }

    private async Task<IngestionResult> RecordAsync(string partition, string blobName, string fileName, string id, long size, string? archivePath, IssueList issues, WorkbookContent? content, DateTimeOffset receivedAt, CancellationToken cancellationToken, string? dataPath = null, string? annotatedPath = null)
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
            issues.All.Select(IngestionReport.Issue.From).ToList())
        {
            AnnotatedCopy = annotatedPath,
            Data = dataPath,
        };
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
            Lines = content?.ItemCount ?? 0,
            DataPath = dataPath,
            AnnotatedPath = annotatedPath,
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
    /// <summary>For a rejected workbook: its copy with a comment on each faulty cell.</summary>
    public string? AnnotatedCopy { get; init; }

    /// <summary>For an accepted workbook: the normalised content as stored.</summary>
    public string? Data { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Issue(string Severity, string Code, string Message, string? Sheet, string? Cell, string? Seen, string? Expected, string Text)
    {
        public static Issue From(ValidationIssue i) => new(i.SeverityLabel, i.Code, i.Message, i.Sheet, i.Cell, i.Seen, i.Expected, i.ToString());
    }
}

/// <summary>The normalised content of one accepted workbook, as stored (JSON next to its report).</summary>
public sealed record IngestionData(
    string IngestionId,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<BudgetLine> BudgetLines,
    IReadOnlyList<IndicatorValue> IndicatorValues,
    IReadOnlyList<FicheDefinition> Fiches,
    IReadOnlyList<FicheBilan> Bilans,
    IReadOnlyList<SourcedIndicator> Indicators,
    IReadOnlyList<PlannedFunding> PlannedFunding,
    IReadOnlyList<ObjectivePlan> ObjectivePlans);
