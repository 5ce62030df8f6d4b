using Azure;
using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>Base of the table entities: partition = département code, deterministic row keys.</summary>
public abstract class EntityBase : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
