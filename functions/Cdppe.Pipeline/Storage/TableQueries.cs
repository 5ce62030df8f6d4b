using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>The queries every store uses, written once: a département's partition, and a row key prefix inside it.</summary>
internal static class TableQueries
{
    /// <summary>Sorts after every character the row keys use after a prefix (digits, letters, <c>|</c>, <c>-</c>).</summary>
    private const string PrefixEnd = "~";

    public static Task<List<T>> PartitionAsync<T>(this TableClient table, string partition, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity =>
        table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: select, cancellationToken: cancellationToken).ListAsync();

    /// <summary>Rows of <paramref name="partition"/> whose key starts with <paramref name="prefix"/>, in key order.</summary>
    public static Task<List<T>> PrefixAsync<T>(this TableClient table, string partition, string prefix, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity =>
        table.RangeAsync<T>(partition, prefix, prefix + PrefixEnd, cancellationToken, select);

    /// <summary>Rows of <paramref name="partition"/> whose key is in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static Task<List<T>> RangeAsync<T>(this TableClient table, string partition, string from, string to, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity =>
        table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"), select: select, cancellationToken: cancellationToken).ListAsync();

    /// <summary>The end of a range that includes every key starting with <paramref name="prefix"/>.</summary>
    public static string AfterPrefix(string prefix) => prefix + PrefixEnd;

    public static async Task<T?> FindAsync<T>(this TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var found = await table.GetEntityIfExistsAsync<T>(partition, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static async Task<List<T>> ListAsync<T>(this Azure.AsyncPageable<T> pages)
        where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pages)
        {
            list.Add(item);
        }

        return list;
    }
}
