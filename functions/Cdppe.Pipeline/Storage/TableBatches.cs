using Azure.Data.Tables;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Entity group transactions as Azure accepts them: one partition, at most 100 operations and 4 MiB of payload each.
/// Azurite accepts cross-partition batches and does not count as Azure does, so the rules are enforced here rather
/// than discovered in production.
/// </summary>
public static class TableBatches
{
    public const int MaxOperations = TableLimits.MaxBatchOperations;

    /// <summary>Splits actions into valid transactions: grouped by partition, in order, closed at 100 operations or before 4 MiB.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> Plan(IEnumerable<TableTransactionAction> actions)
    {
        var batches = new List<IReadOnlyList<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            long bytes = TableLimits.BatchEnvelopeBytes;
            foreach (var action in partition)
            {
                var size = Bytes(action);
                if (batch.Count == MaxOperations || (batch.Count > 0 && bytes + size > TableLimits.MaxBatchBytes))
                {
                    batches.Add(batch);
                    batch = [];
                    bytes = TableLimits.BatchEnvelopeBytes;
                }

                batch.Add(action);
                bytes += size;
            }

            batches.Add(batch);
        }

        return batches;
    }

    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var batch in Plan(actions))
        {
            EnsureValid(batch);
            await SubmitWithRetriesAsync(table, batch, cancellationToken);
            count += batch.Count;
        }

        return count;
    }

    /// <summary>Submits <paramref name="actions"/> as one transaction, all or nothing; refuses them if they do not fit in one.</summary>
    public static async Task SubmitAtomicAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        EnsureValid(actions);
        await SubmitWithRetriesAsync(table, actions, cancellationToken);
    }

    /// <summary>Attempts of a transaction whose operation failed with 500 or 503 (the first included).</summary>
    public const int MaxTransactionAttempts = 4;

    /// <summary>The first wait before submitting such a transaction again; then about twice the previous one, with jitter.</summary>
    public static TimeSpan TransactionRetryDelay => CdppeStorage.RetryDelay;

    /// <summary>
    /// Submits one transaction. The SDK retries the request itself (<see cref="CdppeStorage.UseRetryPolicy"/>) when
    /// the service answers it 500 or 503; a transaction the service accepted (202) but whose operation failed with
    /// 500 or 503 (the partition busy, a timeout) was not applied at all, and is submitted again whole here, after an
    /// exponential backoff with jitter. Any other failure (409, 412, 400…) is the caller's.
    /// </summary>
    private static async Task SubmitWithRetriesAsync(TableClient table, IReadOnlyList<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 500 or 503 && attempt < MaxTransactionAttempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the delay × 2^(attempt-1), ±20 % at random.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TransactionRetryDelay * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));

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

        var bytes = TableLimits.BatchEnvelopeBytes + batch.Sum(Bytes);
        if (bytes > TableLimits.MaxBatchBytes)
        {
            throw new InvalidOperationException($"A table transaction holds at most {TableLimits.MaxBatchBytes} bytes; this one may take {bytes}.");
        }
    }

    private static long Bytes(TableTransactionAction action) =>
        action.ActionType == TableTransactionActionType.Delete ? TableLimits.OperationOverheadBytes : TableLimits.PayloadBytes(action.Entity);
}
