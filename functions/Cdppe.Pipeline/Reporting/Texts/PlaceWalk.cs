using System.Xml.Linq;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>Goes through the body of a report: the control of each known place (first one of each name), a place inside another, the paragraphs outside the places.</summary>
internal sealed class PlaceWalk(IReadOnlyList<ReportPlace> places)
{
    private static readonly XNamespace W = TextFragment.W;

    public List<(ReportPlace Place, XElement Control)> Found { get; } = [];

    public List<string> Outside { get; } = [];

    /// <summary>The French refusal of a place put inside another, or null.</summary>
    public string? Nesting { get; private set; }

    public void Visit(IEnumerable<XElement> elements, ReportPlace? inside)
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
                }

                Visit(element.Element(W + "sdtContent")?.Elements() ?? [], place ?? inside);
            }
            else if (element.Name == W + "p")
            {
                if (inside is null)
                {
                    Outside.Add(TextOutsideFields(element));
                }
            }
            else if (element.Name == W + "tbl" || element.Name == W + "tr" || element.Name == W + "tc" || element.Name == W + "customXml")
            {
                Visit(element.Elements(), inside);
            }
        }
    }

    /// <summary>
    /// The text of a paragraph without what its fields display (page numbers, references): Word and LibreOffice
    /// update them on opening, which is not text typed by anyone.
    /// </summary>
    private static string TextOutsideFields(XElement paragraph)
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

    private ReportPlace? Identify(XElement control)
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
