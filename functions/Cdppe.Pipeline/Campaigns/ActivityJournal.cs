using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// Who did what, for every action of a département (drop, consolidation, report generation, template change,
/// texts, transmission, review, remark): each use case's surface records its author here once the action is done.
/// Entries are only added (<see cref="JournalStore"/>).
/// </summary>
public sealed class ActivityJournal(JournalStore journal, TimeProvider clock)
{
    public Task RecordAsync(Actor actor, Departement departement, string action, string description, int? year = null, string? subject = null, CancellationToken cancellationToken = default) =>
        journal.AddAsync(departement.Code, new JournalEntry(clock.GetUtcNow(), actor, action, description, year, subject), cancellationToken);

    /// <summary>The département's journal, newest first; with a year, the entries of that year and those of no year.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ListAsync(Departement departement, int? year = null, CancellationToken cancellationToken = default) =>
        (await journal.ListAsync(departement.Code, cancellationToken)).Where(e => year is null || e.Year is null || e.Year == year).ToList();

    /// <summary>Who dropped each file: the drop entries by file path (<c>77/fichier.xlsx</c>), newest first.</summary>
    public async Task<ILookup<string, JournalEntry>> DropsAsync(Departement departement, CancellationToken cancellationToken = default) =>
        (await journal.ListAsync(departement.Code, cancellationToken)).Where(e => e.Action == JournalActions.Drop && e.Subject is not null).ToLookup(e => e.Subject!, StringComparer.Ordinal);

    /// <summary>
    /// Who dropped the file an ingestion received: the last drop of that path recorded before it was received (a
    /// minute of slack: the drop is recorded once written, the ingestion may start at once). Null for a file put
    /// in <c>uploads/</c> another way (a storage tool).
    /// </summary>
    public static Actor? DroppedBy(ILookup<string, JournalEntry> drops, IngestionRecord record) =>
        drops[record.BlobName].FirstOrDefault(e => e.At <= record.ReceivedAt + TimeSpan.FromMinutes(1))?.Actor;
}
