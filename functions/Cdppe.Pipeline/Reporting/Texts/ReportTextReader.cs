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

        Parsed uploaded;
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

            uploaded = Parse(main);
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

        var generated = original is null ? null : Generated(original, places);
        var walk = new PlaceWalk(places, generated?.Walk.Positions(generated.Body));
        walk.Walk(uploaded.Body);
        if (walk.Nesting is { } nesting)
        {
            return new(Refusal.Invalid, nesting);
        }

        if (walk.Found.Count > MaxPlaces)
        {
            return new(Refusal.TooLarge, TextMessages.TooManyPlaces(walk.Found.Count, MaxPlaces));
        }

        var texts = new List<PlaceText>();
        var warnings = new List<string>();
        foreach (var (place, control) in walk.Found)
        {
            var content = (control.Element(W + "sdtContent")?.Elements() ?? []).ToList();
            if (generated?.Walk.Following.GetValueOrDefault(place.Name) is { } after)
            {
                walk.Outside.AddRange(CutFollowing(content, after));
            }

            var sanitizer = new TextSanitizer(uploaded.Lists);
            var blocks = sanitizer.Blocks(content);
            var plain = TextFragment.PlainText(blocks);
            if (plain.Length > MaxTextCharacters)
            {
                return new(Refusal.TooLarge, TextMessages.TextTooLong(place.Title, plain.Length, MaxTextCharacters));
            }

            if (!sanitizer.WithinLimits)
            {
                return new(Refusal.TooLarge, TextMessages.TooManyElements(place.Title, TextSanitizer.MaxElements));
            }

            var fragment = plain.Length == 0 ? string.Empty : TextFragment.Write(blocks);
            var untouched = control.Element(W + "sdtPr")?.Element(W + "showingPlcHdr") is not null
                || PlaceWalk.Normalize(plain) == PlaceWalk.Normalize(place.Help)
                || (generated?.Fragments.TryGetValue(place.Name, out var before) == true && before == fragment && fragment.Length > 0);
            if (!untouched)
            {
                warnings.AddRange(sanitizer.Dropped.Select(what => TextMessages.Dropped(place.Title, what)));
            }

            texts.Add(new PlaceText(place.Name, place.Title, fragment, plain, untouched));
        }

        warnings.AddRange(places.Where(p => !walk.Found.Any(f => f.Place.Name == p.Name)).Select(p => TextMessages.Deleted(p.Title)));
        if (generated is not null)
        {
            warnings.AddRange(Outside(walk.Outside, generated.Walk.Outside));
        }

        return new(new TextReading(texts, warnings));
    }

    /// <summary>
    /// Takes out of a place's content the paragraphs at its end that followed its control in the report it was
    /// made from: LibreOffice 7.4, when a section break follows a control, moves the break into the control's last
    /// paragraph and the headings after it into the control. Returns the texts of the paragraphs taken out.
    /// </summary>
    private static List<string> CutFollowing(List<XElement> content, List<string> after)
    {
        // From the end backwards, at most as many paragraphs as followed the control: linear in the place's size.
        var tail = new List<string>();
        var cut = -1;
        for (var index = content.Count - 1; index >= 0; index--)
        {
            var element = content[index];
            tail.InsertRange(0, (element.Name == W + "p" ? [element] : element.Descendants(W + "p")).Select(p => PlaceWalk.Normalize(PlaceWalk.TextOutsideFields(p))).Where(t => t.Length > 0));
            if (tail.Count > after.Count)
            {
                break;
            }

            if (tail.Count > 0 && tail.SequenceEqual(after.Take(tail.Count), StringComparer.Ordinal))
            {
                cut = index;
            }
        }

        if (cut < 0)
        {
            return [];
        }

        var taken = content.Skip(cut).SelectMany(e => e.Name == W + "p" ? [e] : e.Descendants(W + "p")).Select(PlaceWalk.TextOutsideFields).ToList();
        content.RemoveRange(cut, content.Count - cut);
        return taken;
    }

    /// <summary>What the report the upload was made from holds: its places, the paragraphs outside them, and the text each place was generated with (sanitized like an upload, to compare).</summary>
    private static GeneratedReport Generated(byte[] original, IReadOnlyList<ReportPlace> places)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(original, writable: false), false);
        var parsed = Parse(package.MainDocumentPart!);
        var walk = new PlaceWalk(places);
        walk.Walk(parsed.Body);
        var fragments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (place, control) in walk.Found)
        {
            var blocks = new TextSanitizer(parsed.Lists).Blocks(control.Element(W + "sdtContent")?.Elements() ?? []);
            fragments[place.Name] = TextFragment.PlainText(blocks).Length == 0 ? string.Empty : TextFragment.Write(blocks);
        }

        return new GeneratedReport(parsed.Body, walk, fragments);
    }

    /// <summary>The paragraphs outside the places that the original report does not have.</summary>
    private static IEnumerable<string> Outside(List<string> uploaded, List<string> original)
    {
        var known = original.Select(PlaceWalk.Normalize).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var text in uploaded.Select(PlaceWalk.Normalize).Where(t => t.Length > 0))
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

    private static Parsed Parse(MainDocumentPart main)
    {
        var document = Load(main);
        var numbering = main.NumberingDefinitionsPart is { } n ? Load(n) : null;
        var styles = main.StyleDefinitionsPart is { } s ? Load(s) : null;
        return new Parsed(document.Root?.Element(W + "body"), new ListKinds(numbering, styles));
    }

    private sealed record Parsed(XElement? Body, ListKinds Lists);

    private sealed record GeneratedReport(XElement? Body, PlaceWalk Walk, Dictionary<string, string> Fragments);

    private static XDocument Load(OpenXmlPart part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = DocxTemplate.XmlLimits.MaxPartBytes };
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }
}
