using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// A département's ingestions as both surfaces list them: the records, newest first, one record with its report,
/// and the files a record points to (the ingestion report, the annotated copy of a refused workbook).
/// </summary>
public sealed class IngestionHistory(StoredFileReader files, IngestionStore ingestions, IngestionReportStore reports)
{
    public const string NotYetIngestedMessage = "Ce fichier n'est pas encore importé.";

    public const string NoAnnotatedCopyMessage = "Ce fichier n'a pas de copie annotée (seuls les classeurs refusés en ont une).";

    public const string NoReportMessage = "Ce fichier n'a pas de rapport d'import.";

    /// <summary>Every ingestion record of a département, newest first.</summary>
    public Task<IReadOnlyList<IngestionRecord>> ListAsync(Departement departement, CancellationToken cancellationToken = default) =>
        ingestions.ListAsync(departement.Code, cancellationToken);

    /// <summary>One ingestion with every problem of its report; not found while the file is received but not yet ingested.</summary>
    public async Task<Outcome<IngestionDetail>> DetailAsync(Departement departement, string id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(departement, id, cancellationToken) is not { } record)
        {
            return new(Refusal.NotFound, NotYetIngestedMessage);
        }

        return new(new IngestionDetail(record, await reports.ReadReportAsync(record.Partition, record.Id, cancellationToken)));
    }

    /// <summary>The copy of a refused workbook with a note on each faulty cell.</summary>
    public async Task<Outcome<FileDownload>> AnnotatedCopyAsync(Departement departement, string id, CancellationToken cancellationToken = default) =>
        await FindAsync(departement, id, cancellationToken) is { } record && await files.ReadAsync(record.AnnotatedPath, cancellationToken) is { } bytes
            ? new(new FileDownload(bytes, InputTemplates.ContentType, Path.GetFileName(record.AnnotatedPath!)))
            : new(Refusal.NotFound, NoAnnotatedCopyMessage);

    /// <summary>The ingestion report of a file (JSON, every problem with its cell).</summary>
    public async Task<Outcome<FileDownload>> ReportFileAsync(Departement departement, string id, CancellationToken cancellationToken = default) =>
        await FindAsync(departement, id, cancellationToken) is { } record && await files.ReadAsync(record.ReportPath, cancellationToken) is { } bytes
            ? new(new FileDownload(bytes, "application/json; charset=utf-8", $"rapport-import-{Path.GetFileNameWithoutExtension(record.FileName)}.json"))
            : new(Refusal.NotFound, NoReportMessage);

    /// <summary>Ingestion ids are SHA-256 in lower-case hex: anything else is not looked up.</summary>
    public static bool IsIngestionId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>One ingestion record of a département (null when there is none: not yet ingested, or another département's).</summary>
    private Task<IngestionRecord?> FindAsync(Departement departement, string id, CancellationToken cancellationToken) =>
        IsIngestionId(id) ? ingestions.FindAsync(departement.Code, id, cancellationToken) : Task.FromResult<IngestionRecord?>(null);
}
