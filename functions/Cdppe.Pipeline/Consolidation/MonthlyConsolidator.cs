using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Consolidation;

public sealed record ConsolidationSummary(string Departement, string RunId, IReadOnlyList<string> Months, int Snapshots, int RevisionsWritten, int Gaps, IReadOnlyList<string> Warnings)
{
    /// <summary>The months left out (outside every contract period and reporting window), with the reason; a summary with no run (empty <see cref="RunId"/>) when only those.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

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
    TimeProvider clock,
    ILogger<MonthlyConsolidator> logger)
{
    /// <summary>Version of the rules of <see cref="SnapshotCalculator"/>, part of every fingerprint: change it with the rules, so that every month is computed again.</summary>
    public const int RulesVersion = 1;

    public async Task<ConsolidationSummary> ConsolidateAsync(Departement departement, IReadOnlyCollection<YearMonth> months, string trigger, CancellationToken cancellationToken = default)
    {
        await using var lease = await locks.AcquireConsolidationAsync(departement.Code, cancellationToken);
        return await lease.RunAsync(token => ConsolidateHeldAsync(departement.Code, months.Distinct().Order().ToList(), trigger, token), cancellationToken);
    }

    private async Task<ConsolidationSummary> ConsolidateHeldAsync(string partition, IReadOnlyList<YearMonth> months, string trigger, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var head = await ingestions.HeadAsync(partition, cancellationToken);
        var accepted = await ingestions.AcceptedAsync(partition, cancellationToken);
        var recorded = await runs.MonthsAsync(partition, cancellationToken);
        IReadOnlyDictionary<string, IndicatorDefinition>? definitions = null;
        int total = 0, revisions = 0, gaps = 0;
        var warnings = new List<string>();
        var unchanged = new List<ConsolidationRunEntity>();
        var years = new Dictionary<int, IReadOnlyList<IndicatorValueEntity>>();
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
                    warnings.Add(NothingToConsolidate(month));
                }

                unchanged.Add(new ConsolidationRunEntity { PartitionKey = partition, StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = month.ToString(), Snapshots = previous.Snapshots, RevisionsWritten = 0, Gaps = previous.Gaps, InputsFingerprint = fingerprint });
                continue;
            }

            definitions ??= await indicators.CurrentAsync(head, cancellationToken);
            if (!years.TryGetValue(month.Year, out var ofYear))
            {
                years[month.Year] = ofYear = await values.YearAsync(partition, month.Year, accepted, cancellationToken);
            }

            var monthly = Compute(month, definitions, ofYear);
            var written = await snapshots.WriteMonthAsync(partition, month, monthly, cancellationToken);
            var missing = monthly.Count(s => s.Status == SnapshotStatus.Missing);
            total += monthly.Count;
            revisions += written;
            gaps += missing;
            if (monthly.Count == 0)
            {
                warnings.Add(NothingToConsolidate(month));
            }

            await runs.RecordMonthAsync(
                new ConsolidationRunEntity { PartitionKey = partition, StartedAt = started, EndedAt = clock.GetUtcNow(), Trigger = trigger, Months = month.ToString(), Snapshots = monthly.Count, RevisionsWritten = written, Gaps = missing, InputsFingerprint = fingerprint },
                cancellationToken);
        }

        await runs.RecordMonthsAsync(unchanged, cancellationToken);
        var monthList = months.Select(m => m.ToString()).ToList();
        var run = new ConsolidationRunEntity
        {
            PartitionKey = partition,
            StartedAt = started,
            EndedAt = clock.GetUtcNow(),
            Trigger = trigger,
            Months = string.Join(',', monthList),
            Snapshots = total,
            RevisionsWritten = revisions,
            Gaps = gaps,
            Warnings = string.Join(" | ", warnings),
        };
        await runs.RecordRunAsync(run, cancellationToken);
        logger.LogInformation("Consolidated {Departement} for {Months}: {Snapshots} snapshots, {Revisions} revisions, {Gaps} gaps", partition, run.Months, total, revisions, gaps);
        return new ConsolidationSummary(partition, run.RowKey, monthList, total, revisions, gaps, warnings);
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
    private static IReadOnlyList<MonthlySnapshot> Compute(YearMonth month, IReadOnlyDictionary<string, IndicatorDefinition> definitions, IReadOnlyList<IndicatorValueEntity> ofYear)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ofMonth = new List<RawValue>();
        var monthText = month.ToString();
        foreach (var v in ofYear)
        {
            seen.TryAdd(v.Code, v.Label);
            if (v.Period == monthText)
            {
                ofMonth.Add(new RawValue(v.Code, v.Label, month, v.Value is { } d ? (decimal)d : null, v.IsPercent, v.Text, v.Reliable, v.IngestionId, v.ReceivedAt));
            }
        }

        return SnapshotCalculator.Compute(month, definitions, ofMonth, seen.Select(s => (s.Key, s.Value)));
    }
}
