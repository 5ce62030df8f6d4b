using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>A row an accepted workbook writes: its table, its entity, and the workbook item it comes from (for messages).</summary>
public sealed record StoredRow(string Table, ITableEntity Entity, string Kind, object Source);
