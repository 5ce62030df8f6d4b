using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>
/// Reads the places of a report edited in Word or LibreOffice. The package is first checked like a template
/// (<see cref="TemplatePackageCheck"/>: sizes, macros, relationships that leave the package, fields that load from
/// elsewhere, imported documents): any finding refuses the whole upload. Each place the report was generated with
/// is then found by its control's tag (Word), the hidden bookmark around its content or the control's title
/// (LibreOffice, which drops the tag) and its content sanitized (<see cref="TextSanitizer"/>). Paragraphs typed
/// outside the places and places deleted are French warnings.
/// </summary>
public static class ReportTextReader
{
    private static readonly XNamespace W = TextFragment.W;

    /// <summary>Largest upload: the limit of a template (a report of 41 fiches is about 0,2 Mo without its charts, 1 Mo with them).</summary>
    public const int MaxUploadBytes = DocxTemplate.MaxTemplateBytes;

    /// <summary>Most places read from one upload (the built-in template writes about 15 for a 41-fiche report).</summary>
    public const int MaxPlaces = 500;

    /// <summary>Most characters of text in one place (about 15 pages).</summary>
    public const int MaxTextCharacters = 50_000;

    private const int QuotedParagraphs = 5;
    private const int QuoteLength = 120;

    /// <param name="upload">The edited report.</param>
    /// <param name="places">The places of the report it was made from.</param>
    /// <param name="original">The report it was made from (to tell what was typed outside the places), or null.</param>
    public static Outcome<TextReading> Read(byte[] upload, IReadOnlyList<ReportPlace> places, byte[]? original)
    {
        if (upload.Length == 0)
        {
            return new(Refusal.Invalid, TextMessages.Empty);
        }

        if (upload.Length > MaxUploadBytes)
        {
            return new(Refusal.TooLarge, TextMessages.TooLarge(upload.Length, MaxUploadBytes));
        }

        XDocument document;
        XDocument? numbering;
        XDocument? styles;
        try
        {
            var errors = new List<TemplateError>();
            TemplatePackageCheck.Check(upload, errors);
            if (errors.Count > 0)
            {
                return new(Refusal.Invalid, TextMessages.Unsafe(errors.Select(e => e.Message).Distinct()));
            }

            using var package = WordprocessingDocument.Open(new MemoryStream(upload, writable: false), false);
            var main = package.MainDocumentPart ?? throw new InvalidDataException("no main part");
            if (main.AlternativeFormatImportParts.Any())
            {
                return new(Refusal.Invalid, TextMessages.Unsafe([TemplateErrors.ImportedContent(main.AlternativeFormatImportParts.First().Uri, "altChunk").Message]));
            }

            document = Load(main);
            numbering = main.NumberingDefinitionsPart is { } n ? Load(n) : null;
            styles = main.StyleDefinitionsPart is { } s ? Load(s) : null;
        }
        catch (TemplateException ex)
        {
            return new(Refusal.TooLarge, TextMessages.Unsafe(ex.Errors.Select(e => e.Message)));
        }
        catch (XmlLimitException ex)
        {
            return new(Refusal.Invalid, TextMessages.Unsafe([TemplateErrors.UnsafeXml(ex).Message]));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException or FileFormatException)
        {
            return new(Refusal.Invalid, TextMessages.NotAWordDocument);
        }

        var walk = new PlaceWalk(places);
        walk.Visit(document.Root?.Element(W + "body")?.Elements() ?? [], null);
        if (walk.Nesting is { } nesting)
        {
            return new(Refusal.Invalid, nesting);
        }

        if (walk.Found.Count > MaxPlaces)
        {
            return new(Refusal.TooLarge, TextMessages.TooManyPlaces(walk.Found.Count, MaxPlaces));
        }

        var lists = new ListKinds(numbering, styles);
        var texts = new List<PlaceText>();
        var warnings = new List<string>();
        foreach (var (place, control) in walk.Found)
        {
            var sanitizer = new TextSanitizer(lists);
            var blocks = sanitizer.Blocks(control.Element(W + "sdtContent")?.Elements() ?? []);
            var plain = TextFragment.PlainText(blocks);
            if (plain.Length > MaxTextCharacters)
            {
                return new(Refusal.TooLarge, TextMessages.TextTooLong(place.Title, plain.Length, MaxTextCharacters));
            }

            if (!sanitizer.WithinLimits)
            {
                return new(Refusal.TooLarge, TextMessages.TooManyElements(place.Title, TextSanitizer.MaxElements));
            }

            var isPlaceholder = control.Element(W + "sdtPr")?.Element(W + "showingPlcHdr") is not null || plain == place.Help.Trim();
            if (!isPlaceholder)
            {
                warnings.AddRange(sanitizer.Dropped.Select(what => TextMessages.Dropped(place.Title, what)));
            }

            texts.Add(new PlaceText(place.Name, place.Title, plain.Length == 0 ? string.Empty : TextFragment.Write(blocks), plain, isPlaceholder));
        }

        warnings.AddRange(places.Where(p => !walk.Found.Any(f => f.Place.Name == p.Name)).Select(p => TextMessages.Deleted(p.Title)));
        if (original is not null)
        {
            warnings.AddRange(Outside(walk.Outside, places, original));
        }

        return new(new TextReading(texts, warnings));
    }

    /// <summary>The paragraphs outside the places that the original report does not have.</summary>
    private static IEnumerable<string> Outside(List<string> uploaded, IReadOnlyList<ReportPlace> places, byte[] original)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(original, writable: false), false);
        var walk = new PlaceWalk(places);
        walk.Visit(Load(package.MainDocumentPart!).Root?.Element(W + "body")?.Elements() ?? [], null);
        var known = walk.Outside.Select(Normalize).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var text in uploaded.Select(Normalize).Where(t => t.Length > 0))
        {
            if (known.TryGetValue(text, out var count) && count > 0)
            {
                known[text] = count - 1;
            }
            else
            {
                added.Add(text);
            }
        }

        return added.Count == 0 ? [] : [TextMessages.Outside(added.Count, added.Take(QuotedParagraphs).Select(t => t.Length > QuoteLength ? t[..QuoteLength] + "…" : t))];
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static XDocument Load(OpenXmlPart part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = DocxTemplate.XmlLimits.MaxPartBytes };
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }
}
