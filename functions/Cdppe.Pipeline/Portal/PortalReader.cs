using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// The overviews' reads of storage, in one place: ingestion records, the last consolidation run and the départements
/// that dropped anything (the national views' directory). Everything else comes from the services the API uses too (<see cref="IngestionHistory"/>,
/// the report, the input workbooks).
/// </summary>
public sealed class PortalReader(IngestionStore ingestions, ConsolidationRunStore runs, DepartementSummaries summaries)
{
    /// <summary>Every ingestion record of a département, newest first.</summary>
    public Task<IReadOnlyList<IngestionRecord>> IngestionsAsync(Departement departement, CancellationToken cancellationToken = default) =>
        ingestions.ListAsync(departement.Code, cancellationToken);

    /// <summary>End of the département's latest consolidation run, or null when it never ran.</summary>
    public async Task<DateTimeOffset?> LastConsolidationAsync(Departement departement, CancellationToken cancellationToken = default) =>
        (await runs.RunsAsync(departement.Code, cancellationToken)) is [var latest, ..] ? latest.EndedAt : null;

    /// <summary>The départements that dropped at least one file, from one partition (the national views' directory).</summary>
    public Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default) =>
        summaries.DepartementsAsync(cancellationToken);
}
