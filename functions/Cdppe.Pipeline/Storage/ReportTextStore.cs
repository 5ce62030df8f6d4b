using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table ReportTexts and container report-texts: every version of the text of each place of a département's reports
/// (row key <c>{year}|{name}|{upload id}</c>, the fragment in <c>report-texts/{dep}/{year}/{name}/{upload id}.xml</c>).
/// Nothing is overwritten: the current text of a place is its latest version.
/// </summary>
public sealed class ReportTextStore(CdppeStorage storage)
{
    private TableClient Table => storage.Table(TableNames.ReportTexts);

    /// <summary>A new upload id: sortable by time (UTC, to the millisecond), then random.</summary>
    public static string NewUploadId(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));

    /// <summary>Keeps new versions of texts (each with its <see cref="TextRevision.Fragment"/>): the fragments first, then the rows.</summary>
    public async Task AddAsync(string departement, int year, IReadOnlyList<TextRevision> revisions, CancellationToken cancellationToken = default)
    {
        var entities = new List<ReportTextEntity>();
        foreach (var revision in revisions)
        {
            var blob = $"{departement}/{Key(year)}/{revision.Name}/{revision.UploadId}.xml";
            await storage.ReportTexts.GetBlobClient(blob).UploadAsync(new BinaryData(revision.Fragment ?? string.Empty), overwrite: true, cancellationToken);
            entities.Add(new ReportTextEntity
            {
                PartitionKey = departement,
                RowKey = $"{Key(year)}|{revision.Name}|{revision.UploadId}",
                Year = year,
                Name = revision.Name,
                Title = revision.Title,
                Author = revision.Author,
                FileName = revision.FileName,
                UploadId = revision.UploadId,
                SavedAt = revision.SavedAt,
                Characters = revision.Characters,
                Excerpt = revision.Excerpt,
                Blob = blob,
            });
        }

        foreach (var entity in entities)
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
    }

    /// <summary>Every version of every place of the year, oldest first per place (without fragments).</summary>
    public async Task<IReadOnlyList<TextRevision>> HistoryAsync(string departement, int year, CancellationToken cancellationToken = default) =>
        (await Table.PrefixAsync<ReportTextEntity>(departement, Key(year) + "|", cancellationToken)).Select(ToRecord).ToList();

    /// <summary>The latest version of each place of the year, with its fragment.</summary>
    public async Task<IReadOnlyList<TextRevision>> CurrentAsync(string departement, int year, CancellationToken cancellationToken = default)
    {
        var rows = await Table.PrefixAsync<ReportTextEntity>(departement, Key(year) + "|", cancellationToken);
        var latest = rows.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.RowKey, StringComparer.Ordinal)!).ToList();
        var read = await Task.WhenAll(latest.Select(async r =>
            ToRecord(r) with { Fragment = (await storage.ReportTexts.GetBlobClient(r.Blob).DownloadContentAsync(cancellationToken)).Value.Content.ToString() }));
        return read;
    }

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static TextRevision ToRecord(ReportTextEntity e) =>
        new(e.Name, e.Title, e.Author, e.FileName, e.UploadId, e.SavedAt, e.Characters, e.Excerpt);
}
