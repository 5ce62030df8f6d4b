using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Writes the monthly snapshots of a département (rules in <see cref="SnapshotCalculator"/>): one run per département
/// at a time (the consolidation lease of <see cref="DepartementLock"/>; a second run waits, then gives up with
/// <see cref="DepartementBusyException"/>), a new revision only when the content changes, a month whose inputs did not
/// change since its last consolidation left alone (<see cref="InputsFingerprint"/>), every run recorded.
/// </summary>
public sealed class MonthlyConsolidator(
    DepartementLock locks,
    IngestionStore ingestions,
    IndicatorStore indicators,
    IndicatorValueStore values,
    SnapshotStore snapshots,
    ConsolidationRunStore runs,
    DepartementSummaryStore summaries,
    TimeProvider clock,
    ILogger<MonthlyConsolidator> logger)
{
    /// <summary>Version of the rules of <see cref="SnapshotCalculator"/>, part of every fingerprint: change it with the rules, so that every month is computed again.</summary>
    public const int RulesVersion = 1;

    public async Task<ConsolidationSummary> ConsolidateAsync(Departement departement, IReadOnlyCollection<YearMonth> months, string trigger, CancellationToken cancellationToken = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Departement"] = departement.Code, ["ConsolidationTrigger"] = trigger });
        await using var lease = await locks.AcquireConsolidationAsync(departement.Code, cancellationToken);
        return await lease.RunAsync(token => ConsolidateHeldAsync(departement.Code, months.Distinct().Order().ToList(), trigger, token), cancellationToken);
    }

    private async Task<ConsolidationSummary> ConsolidateHeldAsync(string partition, IReadOnlyList<YearMonth> months, string trigger, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var headRead = ingestions.HeadAsync(partition, cancellationToken);
        var acceptedRead = ingestions.AcceptedAsync(partition, cancellationToken);
        var recordedRead = runs.MonthsAsync(partition, cancellationToken);
        await Task.WhenAll(headRead, acceptedRead, recordedRead);
        var (head, accepted, recorded) = (await headRead, await acceptedRead, await recordedRead);
        int total = 0, revisions = 0, gaps = 0;
        var warnings = new SortedDictionary<YearMonth, string>();
        var monthRecords = new List<ConsolidationRun>();
        var due = new List<(YearMonth Month, string Fingerprint)>();
        foreach (var month in months)
        {
            var fingerprint = InputsFingerprint(month, head, accepted);
            if (recorded.TryGetValue(month, out var previous) && previous.InputsFingerprint == fingerprint)
            {
                // Same inputs as its last consolidation: its snapshots are those already stored; nothing is read or written.
                total += previous.Snapshots;
                gaps += previous.Gaps;
                if (previous.Snapshots == 0)
                {
                    warnings[month] = NothingToConsolidate(month);
                }

                monthRecords.Add(new ConsolidationRun { Partition = partition, StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = [month.ToString()], Snapshots = previous.Snapshots, RevisionsWritten = 0, Gaps = previous.Gaps, InputsFingerprint = fingerprint });
            }
            else
            {
                due.Add((month, fingerprint));
            }
        }

        if (due.Count > 0)
        {
            // Reads overlap the writes: the indicators and the first year's values are read together, the next
            // year's values while this year's months are written, the stored snapshots of the next month while this
            // one is written. A month never consolidated has none to compare with (see RecordMonthsAsync below).
            var years = new Dictionary<int, Task<IReadOnlyList<RawValue>>>();
            Task<IReadOnlyList<RawValue>> Year(int year) =>
                years.TryGetValue(year, out var read) ? read : years[year] = values.YearAsync(partition, year, accepted, cancellationToken);
            Task<StoredMonth> Stored(YearMonth month) =>
                recorded.ContainsKey(month) ? snapshots.StoredMonthAsync(partition, month, cancellationToken) : Task.FromResult(StoredMonth.None);
            var definitionsRead = indicators.CurrentAsync(head, cancellationToken);
            var dueYears = due.Select(d => d.Month.Year).Distinct().ToList();
            var storedRead = Stored(due[0].Month);
            _ = Year(dueYears[0]);
            try
            {
                var definitions = await definitionsRead;
                for (var i = 0; i < due.Count; i++)
                {
                    var (month, fingerprint) = due[i];
                    var ofYear = await Year(month.Year);
                    var nextYear = dueYears.IndexOf(month.Year) + 1;
                    if (nextYear < dueYears.Count)
                    {
                        _ = Year(dueYears[nextYear]);
                    }

                    var stored = await storedRead;
                    storedRead = i + 1 < due.Count ? Stored(due[i + 1].Month) : Task.FromResult(StoredMonth.None);
                    var monthly = Compute(month, definitions, ofYear);
                    var written = await snapshots.WriteMonthAsync(partition, monthly, stored, cancellationToken);
                    var missing = monthly.Count(s => s.Status == SnapshotStatus.Missing);
                    total += monthly.Count;
                    revisions += written;
                    gaps += missing;
                    if (monthly.Count == 0)
                    {
                        warnings[month] = NothingToConsolidate(month);
                    }

                    monthRecords.Add(new ConsolidationRun { Partition = partition, StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = [month.ToString()], Snapshots = monthly.Count, RevisionsWritten = written, Gaps = missing, InputsFingerprint = fingerprint });
                }
            }
            finally
            {
                // A failed month leaves reads in flight: observe them (the failure thrown is the month's).
                await Task.WhenAll([definitionsRead, storedRead, .. years.Values]).ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }
        }

        // Every month's record once its snapshots are written, in transactions of the partition. A run that stops
        // before leaves its months unrecorded: the next run consolidates them again, comparing with what is stored
        // where an earlier record says something is, and writing revision 1 again over what this run wrote where
        // nothing was recorded (the month was never consolidated, so this run's rows were never a result).
        await runs.RecordMonthsAsync(monthRecords, cancellationToken);
        var monthList = months.Select(m => m.ToString()).ToList();
        var run = new ConsolidationRun
        {
            Partition = partition,
            StartedAt = started,
            EndedAt = clock.GetUtcNow(),
            Trigger = trigger,
            Months = monthList,
            Snapshots = total,
            RevisionsWritten = revisions,
            Gaps = gaps,
            Warnings = string.Join(" | ", warnings.Values),
        };
        var id = await runs.RecordRunAsync(run, cancellationToken);
        await summaries.TouchAsync(partition, run.EndedAt, cancellationToken);
        logger.LogInformation("Consolidated {Departement} for {Months}: {Snapshots} snapshots, {Revisions} revisions, {Gaps} gaps", partition, string.Join(',', monthList), total, revisions, gaps);
        return new ConsolidationSummary(partition, id, monthList, total, revisions, gaps, [.. warnings.Values]);
    }

    /// <summary>
    /// What a month's snapshots are computed from, in one hash: the month, the rules' version, the dataset pointers
    /// (which statement of the indicators is current) and the accepted ingestions (whose values of the year are read;
    /// values are never replaced, only added under a new ingestion). Equal fingerprints, equal snapshots: a re-run with
    /// nothing changed decides it from two small reads instead of reading the year's values and every snapshot.
    /// </summary>
    public static string InputsFingerprint(YearMonth month, DatasetHead head, IReadOnlySet<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(accepted);
        var text = new StringBuilder().Append(RulesVersion).Append('\u001F').Append(month.ToString());
        foreach (var (key, ingestion) in head.Current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('\u001F').Append(key).Append('=').Append(ingestion);
        }

        foreach (var id in accepted.Order(StringComparer.Ordinal))
        {
            text.Append('\u001F').Append(id);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static string NothingToConsolidate(YearMonth month) => $"Aucun indicateur connu pour {month} : rien à consolider.";

    /// <summary>The month's snapshots from the accepted values of its year (codes seen in the year have a row even without a value).</summary>
    private static IReadOnlyList<MonthlySnapshot> Compute(YearMonth month, IReadOnlyDictionary<string, IndicatorDefinition> definitions, IReadOnlyList<RawValue> ofYear)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ofMonth = new List<RawValue>();
        foreach (var v in ofYear)
        {
            seen.TryAdd(v.Code, v.Label);
            if (v.Period == month)
            {
                ofMonth.Add(v);
            }
        }

        return SnapshotCalculator.Compute(month, definitions, ofMonth, seen.Select(s => (s.Key, s.Value)));
    }
}
