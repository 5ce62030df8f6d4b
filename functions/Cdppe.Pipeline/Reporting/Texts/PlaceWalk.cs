using System.Xml.Linq;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>
/// Goes through the body of a report: the control of each known place (first one of each name), a place inside
/// another, the paragraphs outside the places and, for each place, the paragraphs that follow its control.
/// </summary>
/// <param name="places">The places of the report.</param>
/// <param name="positions">
/// The place of each control of the report the upload was made from, in document order (null for a control that
/// is no place), or null: a control found by neither its tag, its bookmark nor its title is the place that stood at
/// the same position, when both documents hold as many controls.
/// </param>
internal sealed class PlaceWalk(IReadOnlyList<ReportPlace> places, IReadOnlyList<ReportPlace?>? positions = null)
{
    private static readonly XNamespace W = TextFragment.W;

    /// <summary>Most paragraphs remembered after a place's control.</summary>
    private const int MaxFollowing = 50;

    private Dictionary<XElement, int> ordinals = [];
    private HashSet<string> named = [];
    private List<string>? following;

    public List<(ReportPlace Place, XElement Control)> Found { get; } = [];

    public List<string> Outside { get; } = [];

    /// <summary>For each place found, the non-empty paragraphs outside any place that come after its control (normalized, in order).</summary>
    public Dictionary<string, List<string>> Following { get; } = new(StringComparer.Ordinal);

    /// <summary>The French refusal of a place put inside another, or null.</summary>
    public string? Nesting { get; private set; }

    /// <summary>The place of each control of a body, in document order (null for a control that is no place).</summary>
    public List<ReportPlace?> Positions(XElement? body) => body?.Descendants(W + "sdt").Select(ByName).ToList() ?? [];

    public void Walk(XElement? body)
    {
        if (body is null)
        {
            return;
        }

        var controls = body.Descendants(W + "sdt").ToList();
        ordinals = positions is not null && positions.Count == controls.Count
            ? controls.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i)
            : [];
        named = controls.Select(ByName).OfType<ReportPlace>().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Visit(body.Elements(), null);
    }

    /// <summary>A paragraph's text with runs of white space as one space, trimmed: what is compared.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The text of a paragraph without what its fields display (page numbers, references): Word and LibreOffice
    /// update them on opening, which is not text typed by anyone.
    /// </summary>
    public static string TextOutsideFields(XElement paragraph)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var e in paragraph.Descendants())
        {
            if (e.Name == W + "fldChar")
            {
                depth += e.Attribute(W + "fldCharType")?.Value switch { "begin" => 1, "end" => -1, _ => 0 };
                depth = Math.Max(depth, 0);
            }
            else if (e.Name == W + "t" && depth == 0 && !e.Ancestors(W + "fldSimple").Any())
            {
                text.Append(e.Value);
            }
        }

        return text.ToString();
    }

    private void Visit(IEnumerable<XElement> elements, ReportPlace? inside)
    {
        foreach (var element in elements)
        {
            if (element.Name == W + "sdt")
            {
                var place = Identify(element);
                if (place is not null && inside is not null)
                {
                    Nesting ??= TextMessages.Nested(place.Title, inside.Title);
                    continue;
                }

                if (place is not null && Found.TrueForAll(f => f.Place.Name != place.Name))
                {
                    Found.Add((place, element));
                    following = Following[place.Name] = [];
                }
                else if (inside is null)
                {
                    following = null;
                }

                Visit(element.Element(W + "sdtContent")?.Elements() ?? [], place ?? inside);
            }
            else if (element.Name == W + "p")
            {
                if (inside is null)
                {
                    var text = TextOutsideFields(element);
                    Outside.Add(text);
                    if (following is { Count: < MaxFollowing } && Normalize(text) is { Length: > 0 } normalized)
                    {
                        following.Add(normalized);
                    }
                }
            }
            else if (element.Name == W + "tbl" || element.Name == W + "tr" || element.Name == W + "tc" || element.Name == W + "customXml")
            {
                Visit(element.Elements(), inside);
            }
        }
    }

    private ReportPlace? Identify(XElement control)
    {
        if (ByName(control) is { } place)
        {
            return place;
        }

        // A control LibreOffice saved without its tag, its bookmark and with another title: the place that stood at
        // its position, unless that place is found elsewhere by its name.
        return ordinals.TryGetValue(control, out var ordinal) && positions![ordinal] is { } atPosition
            && !named.Contains(atPosition.Name) && Found.TrueForAll(f => f.Place.Name != atPosition.Name)
            ? atPosition
            : null;
    }

    /// <summary>The place a control names: by its tag (Word), the hidden bookmark around its content, or its title when only one place has it (LibreOffice drops the tag).</summary>
    private ReportPlace? ByName(XElement control)
    {
        var properties = control.Element(W + "sdtPr");
        var tag = properties?.Element(W + "tag")?.Attribute(W + "val")?.Value;
        if (places.FirstOrDefault(p => p.Name == tag) is { } byTag)
        {
            return byTag;
        }

        var content = control.Element(W + "sdtContent");
        var marked = content?.Descendants(W + "bookmarkStart").Select(b => TextPlace.NameOfBookmark(b.Attribute(W + "name")?.Value)).FirstOrDefault(n => n is not null);
        if (places.FirstOrDefault(p => p.Name == marked) is { } byBookmark)
        {
            return byBookmark;
        }

        var alias = properties?.Element(W + "alias")?.Attribute(W + "val")?.Value;
        var titled = places.Where(p => p.Title == alias).ToList();
        return titled.Count == 1 ? titled[0] : null;
    }
}
