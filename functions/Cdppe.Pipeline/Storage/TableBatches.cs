using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Entity group transactions as Azure accepts them: one partition and at most 100 operations each. Azurite accepts
/// cross-partition batches; Azure does not, so the rule is enforced here rather than discovered in production.
/// </summary>
public static class TableBatches
{
    public const int MaxOperations = 100;

    /// <summary>Splits actions into valid transactions: grouped by partition, in order, chunks of at most 100.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Plan(IEnumerable<TableTransactionAction> actions) =>
        actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxOperations))
            .Select(chunk => (IReadOnlyList<TableTransactionAction>)chunk)
            .ToList();

    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var batch in Plan(actions))
        {
            EnsureValid(batch);
            await table.SubmitTransactionAsync(batch, cancellationToken);
            count += batch.Count;
        }

        return count;
    }

    public static Task<int> UpsertAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken = default) =>
        SubmitAsync(table, entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);

    public static void EnsureValid(IReadOnlyList<TableTransactionAction> batch)
    {
        if (batch.Count > MaxOperations)
        {
            throw new InvalidOperationException($"A table transaction holds at most {MaxOperations} operations; got {batch.Count}.");
        }

        if (batch.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new InvalidOperationException("A table transaction must target a single partition.");
        }
    }
}
