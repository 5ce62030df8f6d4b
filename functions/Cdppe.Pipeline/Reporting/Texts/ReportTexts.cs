using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>
/// The texts the département writes in the places of its report, shared by the API and the portal: an edited report
/// uploaded (<see cref="UploadAsync"/>), a short text edited in the browser (<see cref="EditAsync"/>), the places and
/// their last change (<see cref="PlacesAsync"/>). Every change is a new version (<see cref="ReportTextStore"/>);
/// the next generation puts the latest text of each place back into its control.
/// </summary>
public sealed class ReportTexts(ReportTextStore store, ReportVersions versions, TimeProvider clock)
{
    /// <summary>The file name recorded for a text edited in the portal.</summary>
    public const string PortalSource = "portail";

    /// <summary>Characters of a text kept as its excerpt.</summary>
    private const int ExcerptLength = 160;

    /// <summary>The edited report as it arrives: read up to one byte over <see cref="ReportTextReader.MaxUploadBytes"/>, then <see cref="UploadAsync(Departement, int, byte[], string, string, CancellationToken)"/>.</summary>
    public async Task<Outcome<TextUploadResult>> UploadAsync(Departement departement, int year, Stream body, string fileName, string author, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ReportTextReader.MaxUploadBytes)
            {
                return new(Refusal.TooLarge, TextMessages.TooLarge(buffer.Length, ReportTextReader.MaxUploadBytes));
            }
        }

        return await UploadAsync(departement, year, buffer.ToArray(), fileName, author, cancellationToken);
    }

    /// <summary>
    /// Reads the places of an edited report and keeps, as a new version, each text that differs from the one kept;
    /// a place still showing its help text changes nothing. The report must come from a generated version of the year
    /// (the latest one tells which places exist and what was outside them). Refused as a whole (nothing kept) when
    /// the file is unsafe or over a limit.
    /// </summary>
    public async Task<Outcome<TextUploadResult>> UploadAsync(Departement departement, int year, byte[] content, string fileName, string author, CancellationToken cancellationToken = default)
    {
        if (await versions.LatestAsync(departement, year, cancellationToken) is not { } latest)
        {
            return new(Refusal.NotFound, TextMessages.NoReportYet(departement.Code, year));
        }

        var read = ReportTextReader.Read(content, latest.Places, await versions.ReadAsync(latest, cancellationToken));
        if (read.Value is not { } reading)
        {
            return new(read.Refused ?? Refusal.Invalid, read.Message!);
        }

        var current = (await store.CurrentAsync(departement.Code, year, cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var uploadId = ReportTextStore.NewUploadId(now);
        var name = Path.GetFileName(fileName);
        var revisions = reading.Texts
            .Where(t => !t.Untouched && (current.TryGetValue(t.Name, out var kept) ? kept.Fragment != t.Fragment : t.Fragment.Length > 0))
            .Select(t => Revision(t.Name, t.Title, t.Fragment, t.PlainText, author, name, uploadId, now))
            .ToList();
        if (revisions.Count > 0)
        {
            await store.AddAsync(departement.Code, year, revisions, cancellationToken);
        }

        return new(new TextUploadResult(revisions.Count > 0 ? uploadId : string.Empty, revisions.Select(r => r.Name).ToList(), reading.Texts.Count, TextMessages.Kept(revisions.Count, reading.Texts.Count), reading.Warnings));
    }

    /// <summary>Replaces the text of one place with <paramref name="text"/>, a paragraph per line (an empty text gives the place its help text back).</summary>
    public async Task<Outcome<TextRevision>> EditAsync(Departement departement, int year, string place, string text, string author, CancellationToken cancellationToken = default)
    {
        var places = await PlacesAsync(departement, year, cancellationToken);
        if (places.FirstOrDefault(p => p.Name == place) is not { } found)
        {
            return new(Refusal.NotFound, TextMessages.UnknownPlace(place));
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (normalized.Length > ReportTextReader.MaxTextCharacters)
        {
            return new(Refusal.TooLarge, TextMessages.EditTooLong(normalized.Length, ReportTextReader.MaxTextCharacters));
        }

        var w = TextFragment.W;
        var blocks = normalized.Length == 0
            ? []
            : normalized.Split('\n').Select(line => new System.Xml.Linq.XElement(
                w + "p",
                new System.Xml.Linq.XElement(w + "r", new System.Xml.Linq.XElement(w + "t", new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xml + "space", "preserve"), StripControls(line.TrimEnd()))))).ToList();
        var now = clock.GetUtcNow();
        var revision = Revision(found.Name, found.Title, TextFragment.Write(blocks), TextFragment.PlainText(blocks), author, PortalSource, ReportTextStore.NewUploadId(now), now);
        await store.AddAsync(departement.Code, year, [revision], cancellationToken);
        return new(revision);
    }

    /// <summary>The places of the year's latest report (then any other place that has a text), with their last change.</summary>
    public async Task<IReadOnlyList<PlaceStatus>> PlacesAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var latest = await versions.LatestAsync(departement, year, cancellationToken);
        var history = (await store.HistoryAsync(departement.Code, year, cancellationToken)).GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var places = (latest?.Places ?? []).Select(p => (p.Name, p.Title)).ToList();
        places.AddRange(history.Where(h => places.TrueForAll(p => p.Name != h.Key)).Select(h => (h.Key, h.Value[^1].Title)));
        return places.Select(p => history.TryGetValue(p.Name, out var revisions)
                ? new PlaceStatus(p.Name, p.Title, revisions[^1], revisions.Count)
                : new PlaceStatus(p.Name, p.Title, null, 0))
            .ToList();
    }

    /// <summary>The versions of the texts of the year, oldest first.</summary>
    public Task<IReadOnlyList<TextRevision>> HistoryAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        store.HistoryAsync(departement.Code, year, cancellationToken);

    private static TextRevision Revision(string name, string title, string fragment, string plain, string author, string fileName, string uploadId, DateTimeOffset at) =>
        new(name, title, author, fileName, uploadId, at, plain.Length, plain.Length > ExcerptLength ? plain[..ExcerptLength] + "…" : plain, fragment);

    /// <summary>A tab becomes a space; other control characters (which XML cannot hold) are left out.</summary>
    private static string StripControls(string line) => new(line.Replace('\t', ' ').Where(c => !char.IsControl(c)).ToArray());
}
