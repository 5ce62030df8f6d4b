using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table ConsolidationRuns: one row per run (RowKey <c>run|{reversed ticks}</c>, newest first) and, per month, when it
/// was last consolidated (<c>month|{month}</c>), which the planner reads to know what is due again, with the fingerprint
/// of the inputs it was consolidated from, which the consolidator reads to leave an unchanged month alone.
/// </summary>
public sealed class ConsolidationRunStore(CdppeStorage storage)
{
    private const string RunPrefix = "run|";
    private const string MonthPrefix = "month|";

    private static readonly RowCodec<ConsolidationRun> Codec = new();

    private TableClient Table => storage.Table(TableNames.ConsolidationRuns);

    /// <summary>Row key of a run: newest first.</summary>
    public static string RunKey(DateTimeOffset started) => RunPrefix + (DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Records the months of a run (one month each) in transactions of this partition (one for up to 100 months), after their snapshots.</summary>
    public Task RecordMonthsAsync(IEnumerable<ConsolidationRun> months, CancellationToken cancellationToken = default) =>
        TableBatches.UpsertAsync(Table, months.Select(m => Codec.Write(m.Partition, MonthPrefix + string.Join(',', m.Months), m)), cancellationToken);

    /// <summary>Records a run; returns its id.</summary>
    public async Task<string> RecordRunAsync(ConsolidationRun run, CancellationToken cancellationToken = default)
    {
        var id = RunKey(run.StartedAt);
        await Table.UpsertEntityAsync(Codec.Write(run.Partition, id, run), TableUpdateMode.Replace, cancellationToken);
        return id;
    }

    /// <summary>The recorded runs of a département, newest first.</summary>
    public async Task<IReadOnlyList<ConsolidationRun>> RunsAsync(string partition, CancellationToken cancellationToken = default) =>
        (await Table.PrefixAsync<TableEntity>(partition, RunPrefix, cancellationToken)).Select(Read).ToList();

    /// <summary>When each month was last consolidated.</summary>
    public async Task<IReadOnlyDictionary<YearMonth, DateTimeOffset>> ConsolidatedAtAsync(string partition, CancellationToken cancellationToken = default) =>
        (await MonthsAsync(partition, cancellationToken)).ToDictionary(m => m.Key, m => m.Value.StartedAt);

    /// <summary>The last record of each month consolidated (when, from which inputs, with how many snapshots and gaps).</summary>
    public async Task<IReadOnlyDictionary<YearMonth, ConsolidationRun>> MonthsAsync(string partition, CancellationToken cancellationToken = default)
    {
        var months = new Dictionary<YearMonth, ConsolidationRun>();
        foreach (var run in (await Table.PrefixAsync<TableEntity>(partition, MonthPrefix, cancellationToken)).Select(Read))
        {
            if (run.Months.Count == 1 && YearMonth.TryParse(run.Months[0], out var month))
            {
                months[month.Value] = run;
            }
        }

        return months;
    }

    private static ConsolidationRun Read(TableEntity row) => Codec.Read(row) with { Partition = row.PartitionKey, Id = row.RowKey };
}
