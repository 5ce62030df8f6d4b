using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The contracts of a département as derived from its plans (<see cref="ContractModel"/>): written whole (the rows no
/// longer derived are deleted), with the version of the dataset pointers they were derived from, so that a reader
/// knows when to derive them again.
/// </summary>
public sealed class ContractStore(CdppeStorage storage)
{
    /// <summary>The version of the dataset pointers the contracts were derived from.</summary>
    private const string HeadVersionColumn = "HeadVersion";

    private static readonly RowCodec<Contract> Codec = new();

    private TableClient Table => storage.Table(TableNames.Contracts);

    public static string Key(Contract contract) => string.Create(CultureInfo.InvariantCulture, $"{contract.FirstYear}|{contract.Shape.ToString().ToLowerInvariant()}");

    public async Task<StoredContracts> ListAsync(string partition, CancellationToken cancellationToken = default)
    {
        var rows = await Table.PartitionAsync<TableEntity>(partition, cancellationToken);
        var contracts = rows.Select(Codec.Read).OrderBy(c => c.FirstYear).ThenBy(c => c.Shape).ToList();
        return new StoredContracts(contracts, rows.Select(r => r.GetString(HeadVersionColumn)).Distinct().SingleOrDefault());
    }

    /// <summary>
    /// Writes the département's contracts, then deletes the rows of contracts that no longer exist (a period that
    /// moved). Two readers may derive the same contracts at once (two pages opened together after a drop): each
    /// deletes the stale rows one by one, a row the other already deleted being gone as wanted.
    /// </summary>
    public async Task ReplaceAsync(string partition, IReadOnlyList<Contract> contracts, string headVersion, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var rows = contracts.Select(c => Codec.Write(partition, Key(c), c, [new(HeadVersionColumn, headVersion), new("UpdatedAt", at)])).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = (await Table.PartitionAsync<TableEntity>(partition, cancellationToken, select: ["PartitionKey", "RowKey"]))
            .Where(e => !keep.Contains(e.RowKey))
            .ToList();
        await TableBatches.UpsertAsync(Table, rows, cancellationToken);
        foreach (var row in stale)
        {
            try
            {
                await Table.DeleteEntityAsync(partition, row.RowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted meanwhile by another derivation of the same contracts.
            }
        }
    }
}
