using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// The summaries of the départements for the national views (the National page, the State's national workbook). The
/// départements come from one partition (<see cref="DepartementSummaryStore"/>'s directory, filled by the ingestions
/// and consolidations); a year's summaries from another. A summary is computed (its département's records, report
/// model and consolidation runs) only when missing, when its département changed since (a new change stamp), or, for
/// the current year, when computed in an earlier month (the report's missing months move with the calendar); then it
/// is stored. A view of départements whose summaries are fresh builds no report model.
/// </summary>
public sealed class DepartementSummaries(DepartementSummaryStore store, IngestionStore ingestions, ConsolidationRunStore runs, ReportInputsReader inputs, TimeProvider clock)
{
    /// <summary>Départements computed at once: each read is of its own partitions, so a view waits for the slowest of a few, not for the sum of all.</summary>
    public const int ParallelReads = 8;

    /// <summary>
    /// The départements that dropped at least one file, from the directory. A storage whose directory is empty (data
    /// ingested before the directory existed) has it filled once from the ingestion records' partitions.
    /// </summary>
    public async Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default) =>
        Parse((await VersionsAsync(cancellationToken)).Keys);

    /// <summary>Every département's summary of the year, by code, computing only those that are missing or stale.</summary>
    public async Task<IReadOnlyList<DepartementSummary>> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var versionsRead = VersionsAsync(cancellationToken);
        var storedRead = store.YearAsync(year, cancellationToken);
        var (versions, stored) = (await versionsRead, await storedRead);
        var departements = Parse(versions.Keys);
        var summaries = new DepartementSummary[departements.Count];
        var stale = new List<int>();
        for (var i = 0; i < departements.Count; i++)
        {
            var code = departements[i].Code;
            if (stored.TryGetValue(code, out var summary) && IsFresh(summary, versions[code]))
            {
                summaries[i] = summary;
            }
            else
            {
                stale.Add(i);
            }
        }

        await Parallel.ForEachAsync(
            stale,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (summary, _) = await ComputeAsync(departements[i], year, versions[departements[i].Code], token);
                summaries[i] = summary;
                try
                {
                    await store.SaveAsync(summary, token);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 400)
                {
                    // A row the Table service refuses (a column over 64 KiB: thousands of count indicators): the
                    // summary is shown, and computed again at the next view.
                }
            });
        return summaries;
    }

    /// <summary>A département's summary of the year, computed now, with the report model it comes from (not stored).</summary>
    public async Task<(DepartementSummary Summary, AnnualReportModel Model)> ComputeAsync(Departement departement, int year, string sourceVersion, CancellationToken cancellationToken = default)
    {
        var recordsRead = ingestions.ListAsync(departement.Code, cancellationToken);
        var inputsRead = inputs.LoadAsync(departement, year, cancellationToken);
        var runsRead = runs.RunsAsync(departement.Code, cancellationToken);
        await Task.WhenAll(recordsRead, inputsRead, runsRead);
        var loaded = await inputsRead;
        var model = AnnualReportModel.Build(loaded);
        var lastRun = (await runsRead) is [var latest, ..] ? latest.EndedAt : (DateTimeOffset?)null;
        return (DepartementSummaryBuilder.Build(model, !loaded.IsEmpty, await recordsRead, lastRun, sourceVersion, clock.GetUtcNow()), model);
    }

    /// <summary>The directory's change stamps, filled from the ingestion records' partitions when it is empty.</summary>
    public async Task<IReadOnlyDictionary<string, string>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var versions = await store.VersionsAsync(cancellationToken);
        if (versions.Count > 0)
        {
            return versions;
        }

        var partitions = Parse(await ingestions.PartitionsAsync(cancellationToken));
        foreach (var departement in partitions)
        {
            await store.TouchAsync(departement.Code, clock.GetUtcNow(), cancellationToken);
        }

        return partitions.Count == 0 ? versions : await store.VersionsAsync(cancellationToken);
    }

    /// <summary>Computed from the département's current change stamp and, for a year not over when it was computed, in the current month.</summary>
    private bool IsFresh(DepartementSummary summary, string version)
    {
        if (summary.SourceVersion != version)
        {
            return false;
        }

        var computed = TimeZoneInfo.ConvertTime(summary.ComputedAt, ConsolidationPlanner.Paris);
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ConsolidationPlanner.Paris);
        return summary.Year < computed.Year || (computed.Year == now.Year && computed.Month == now.Month);
    }

    private static List<Departement> Parse(IEnumerable<string> codes) =>
        codes.Select(c => Departement.TryParse(c, out var d) ? d : null).OfType<Departement>().OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
}
