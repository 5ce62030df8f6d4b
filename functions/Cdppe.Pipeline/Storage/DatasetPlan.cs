namespace Cdppe.Pipeline.Storage;

/// <summary>Everything an accepted workbook writes, and the datasets whose pointers its commit moves to it.</summary>
public sealed record DatasetPlan(IReadOnlyList<StoredRow> Rows, IReadOnlyList<string> Datasets);
