using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// The portal's reads of storage, in one place: ingestion records and reports, the files they point to, the last
/// consolidation run, the current indicators and the départements that dropped anything. Pages get everything
/// else through the services the API uses (the report model, the input templates).
/// </summary>
public sealed class PortalReader(StoredFileReader files, IngestionStore ingestions, IngestionReportStore reports, ConsolidationRunStore runs, IndicatorStore indicators)
{
    /// <summary>Every ingestion record of a département, newest first.</summary>
    public Task<IReadOnlyList<IngestionEntity>> IngestionsAsync(Departement departement, CancellationToken cancellationToken = default) =>
        ingestions.ListAsync(departement.Code, cancellationToken);

    /// <summary>One ingestion record of a département (null when there is none: not yet ingested, or another département's).</summary>
    public Task<IngestionEntity?> IngestionAsync(Departement departement, string id, CancellationToken cancellationToken = default) =>
        IsIngestionId(id) ? ingestions.FindAsync(departement.Code, id, cancellationToken) : Task.FromResult<IngestionEntity?>(null);

    /// <summary>The report written next to an ingestion (every problem with its cell).</summary>
    public Task<IngestionReport?> ReportAsync(IngestionEntity record, CancellationToken cancellationToken = default) =>
        reports.ReadReportAsync(record.PartitionKey, record.RowKey, cancellationToken);

    /// <summary>The bytes of a file named <c>{container}/{name}</c> as the ingestion records store paths, or null when absent.</summary>
    public Task<byte[]?> DownloadAsync(string? path, CancellationToken cancellationToken = default) =>
        files.ReadAsync(path, cancellationToken);

    /// <summary>End of the département's latest consolidation run, or null when it never ran.</summary>
    public async Task<DateTimeOffset?> LastConsolidationAsync(Departement departement, CancellationToken cancellationToken = default) =>
        (await runs.RunsAsync(departement.Code, cancellationToken)).FirstOrDefault()?.EndedAt;

    /// <summary>The indicators the département's current plans define (codes, labels, targets), by code.</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> IndicatorsAsync(Departement departement, CancellationToken cancellationToken = default) =>
        (await indicators.CurrentAsync(await ingestions.HeadAsync(departement.Code, cancellationToken), cancellationToken)).Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();

    /// <summary>The départements that dropped at least one file (records of unreadable paths left out).</summary>
    public async Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default) =>
        (await ingestions.PartitionsAsync(cancellationToken)).Select(c => Departement.TryParse(c, out var d) ? d : null).OfType<Departement>().ToList();

    /// <summary>Ingestion ids are SHA-256 in lower-case hex: anything else is not looked up.</summary>
    public static bool IsIngestionId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
