using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>The stored snapshots of one month, as <see cref="SnapshotStore.WriteMonthAsync"/> compares a new consolidation with them.</summary>
public sealed class StoredMonth
{
    internal StoredMonth(IReadOnlyDictionary<string, TableEntity> rows) => Rows = rows;

    /// <summary>A month never consolidated: nothing stored.</summary>
    public static StoredMonth None { get; } = new(new Dictionary<string, TableEntity>(StringComparer.Ordinal));

    /// <summary>The rows by row key (<c>{month}|{code}</c>).</summary>
    internal IReadOnlyDictionary<string, TableEntity> Rows { get; }
}
