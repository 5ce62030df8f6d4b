using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table DepartementSummaries: what the national views read, one partition per question. Partition
/// <see cref="DirectoryPartition"/>: one row per département that dropped anything (RowKey = its code) with its change
/// stamp, a new one each time an ingestion or a consolidation of the département is recorded. Partition = a year
/// ("2022"): one <see cref="DepartementSummary"/> per département (RowKey = its code), with the stamp it was computed
/// from. A view reads both partitions and recomputes only the summaries whose stamp is no longer the département's.
/// </summary>
public sealed class DepartementSummaryStore(CdppeStorage storage)
{
    public const string DirectoryPartition = "departements";

    private const string VersionColumn = "Version";

    private static readonly RowCodec<DepartementSummary> Codec = new();

    private TableClient Table => storage.Table(TableNames.DepartementSummaries);

    /// <summary>Gives the département a new change stamp (after its data or its records changed): its summaries are stale.</summary>
    public Task TouchAsync(string departement, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(
            new TableEntity(DirectoryPartition, departement) { [VersionColumn] = Guid.NewGuid().ToString("N"), ["ChangedAt"] = at },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Every département of the directory with its current change stamp, by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> VersionsAsync(CancellationToken cancellationToken = default) =>
        (await Table.PartitionAsync<TableEntity>(DirectoryPartition, cancellationToken, select: ["RowKey", VersionColumn]))
            .ToDictionary(e => e.RowKey, e => e.GetString(VersionColumn) ?? string.Empty, StringComparer.Ordinal);

    /// <summary>The stored summaries of a year, by département code.</summary>
    public async Task<IReadOnlyDictionary<string, DepartementSummary>> YearAsync(int year, CancellationToken cancellationToken = default) =>
        (await Table.PartitionAsync<TableEntity>(YearPartition(year), cancellationToken))
            .ToDictionary(e => e.RowKey, Codec.Read, StringComparer.Ordinal);

    public Task SaveAsync(DepartementSummary summary, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(Codec.Write(YearPartition(summary.Year), summary.Departement, summary), TableUpdateMode.Replace, cancellationToken);

    private static string YearPartition(int year) => year.ToString(CultureInfo.InvariantCulture);
}
