using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Consolidation as the API and the portal ask for it: run now (one month, or what is due), the recorded runs, the
/// monthly snapshots (as rows or as CSV). A département busy with another run throws
/// <see cref="DepartementBusyException"/>, which both surfaces answer alike.
/// </summary>
public sealed class ConsolidationService(MonthlyConsolidator consolidator, ConsolidationRunner runner, ConsolidationRunStore runs, SnapshotStore snapshots)
{
    /// <summary>Consolidates every month that is due for the département.</summary>
    public Task<IReadOnlyList<ConsolidationSummary>> RunDueAsync(Departement departement, string trigger, CancellationToken cancellationToken = default) =>
        runner.RunDueAsync(trigger, departement, cancellationToken);

    /// <summary>Consolidates one month of the département.</summary>
    public Task<ConsolidationSummary> RunMonthAsync(Departement departement, YearMonth month, string trigger, CancellationToken cancellationToken = default) =>
        consolidator.ConsolidateAsync(departement, [month], trigger, cancellationToken);

    /// <summary>The recorded runs of the département, newest first.</summary>
    public async Task<IReadOnlyList<ConsolidationRunView>> RunsAsync(Departement departement, CancellationToken cancellationToken = default) =>
        (await runs.RunsAsync(departement.Code, cancellationToken)).Select(ConsolidationRunView.From).ToList();

    /// <summary>One row per indicator and month, <paramref name="from"/> to <paramref name="to"/> included.</summary>
    public Task<IReadOnlyList<StoredSnapshot>> SnapshotsAsync(Departement departement, YearMonth from, YearMonth to, CancellationToken cancellationToken = default) =>
        snapshots.RangeAsync(departement.Code, from, to, cancellationToken);

    /// <summary>The same rows as CSV for Excel and Power BI (<see cref="SnapshotCsv"/>).</summary>
    public async Task<FileDownload> SnapshotsCsvAsync(Departement departement, YearMonth from, YearMonth to, CancellationToken cancellationToken = default) =>
        new(SnapshotCsv.Write(await SnapshotsAsync(departement, from, to, cancellationToken)), SnapshotCsv.ContentType, $"snapshots-{departement.Code}-{from}-{to}.csv");
}
