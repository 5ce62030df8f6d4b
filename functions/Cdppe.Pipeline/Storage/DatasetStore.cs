using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table Datasets: which ingestion is the current one for a kind and a year of a département (RowKey <c>{kind}|{year}</c>).</summary>
public sealed class DatasetEntity : EntityBase
{
    public string Kind { get; set; } = string.Empty;

    public int Year { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Versioned datasets. An ingestion writes its rows under its own id (<c>{year}|{ingestionId}|…</c>), then flips the
/// dataset's pointer to it in one single-entity write: readers follow the pointer, so they see the previous version
/// or the new one, never half of an ingestion, and every earlier version stays readable by its id.
/// </summary>
public sealed class DatasetStore(CdppeStorage storage)
{
    public static string Key(string kind, int year) => string.Create(CultureInfo.InvariantCulture, $"{kind}|{year}");

    public async Task<string?> CurrentAsync(string partition, string kind, int year, CancellationToken cancellationToken = default)
    {
        var pointer = await storage.Table(TableNames.Datasets).GetEntityIfExistsAsync<DatasetEntity>(partition, Key(kind, year), cancellationToken: cancellationToken);
        return pointer.HasValue ? pointer.Value!.IngestionId : null;
    }

    public Task SetCurrentAsync(string partition, string kind, int year, string ingestionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        storage.Table(TableNames.Datasets).UpsertEntityAsync(
            new DatasetEntity { PartitionKey = partition, RowKey = Key(kind, year), Kind = kind, Year = year, IngestionId = ingestionId, UpdatedAt = at },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The budget lines of the current rapport financier of a year (empty when there is none).</summary>
    public async Task<IReadOnlyList<BudgetLine>> BudgetLinesAsync(string partition, int year, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(partition, BudgetLineMapping.Kind, year, cancellationToken);
        return current is null ? [] : await BudgetLinesOfAsync(partition, year, current, cancellationToken);
    }

    /// <summary>The budget lines one ingestion wrote for a year, current or superseded.</summary>
    public async Task<IReadOnlyList<BudgetLine>> BudgetLinesOfAsync(string partition, int year, string ingestionId, CancellationToken cancellationToken = default)
    {
        var prefix = BudgetLineMapping.Prefix(year, ingestionId);
        var lines = new List<BudgetLine>();
        await foreach (var e in storage.Table(TableNames.BudgetLines).QueryAsync<BudgetLineEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, cancellationToken: cancellationToken))
        {
            lines.Add(BudgetLineMapping.FromEntity(e));
        }

        return lines.OrderBy(l => l.Order).ToList();
    }

    /// <summary>Ids of the ingestions that completed and were accepted: the only ones whose rows readers may use.</summary>
    public async Task<IReadOnlySet<string>> AcceptedIngestionsAsync(string partition, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(e => e.PartitionKey == partition && e.Status == "accepted", select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(e.RowKey);
        }

        return ids;
    }
}
