using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table Journal: who did what, one partition per département, newest first. Rows are only ever added
/// (<c>Add</c>, which fails rather than overwrite): this store has no way to change or delete an entry.
/// </summary>
public sealed class JournalStore(CdppeStorage storage)
{
    /// <summary>Entries read at most for one view.</summary>
    public const int MaxEntries = 500;

    private TableClient Table => storage.Table(TableNames.Journal);

    public async Task AddAsync(string partition, JournalEntry entry, CancellationToken cancellationToken = default)
    {
        var key = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await Table.AddEntityAsync(
            new JournalEntity
            {
                PartitionKey = partition,
                RowKey = key,
                At = entry.At,
                ActorName = entry.Actor.Name,
                ActorId = entry.Actor.Id,
                ActorRole = StoredActor.Role(entry.Actor),
                Action = entry.Action,
                Description = entry.Description,
                Year = entry.Year,
                Subject = entry.Subject,
            },
            cancellationToken);
    }

    /// <summary>The newest <see cref="MaxEntries"/> entries of a département, newest first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string partition, CancellationToken cancellationToken = default)
    {
        var entries = new List<JournalEntry>();
        await foreach (var row in Table.QueryAsync<JournalEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            entries.Add(new JournalEntry(row.At, StoredActor.Of(row.ActorName, row.ActorId, row.ActorRole), row.Action, row.Description, row.Year, row.Subject));
            if (entries.Count == MaxEntries)
            {
                break;
            }
        }

        return entries;
    }
}
