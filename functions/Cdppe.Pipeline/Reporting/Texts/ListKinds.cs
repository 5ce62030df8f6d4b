using System.Xml.Linq;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>Whether a paragraph of an uploaded document is in a list, bulleted or numbered, and at which level (0 to 2), from its numbering or its style's.</summary>
internal sealed class ListKinds(XDocument? numbering, XDocument? styles)
{
    private static readonly XNamespace W = TextFragment.W;

    public readonly record struct ListKind(int Level, bool Numbered);

    public ListKind? Of(XElement? paragraphProperties)
    {
        var numPr = paragraphProperties?.Element(W + "numPr") ?? StyleNumbering(paragraphProperties?.Element(W + "pStyle")?.Attribute(W + "val")?.Value);
        var numId = numPr?.Element(W + "numId")?.Attribute(W + "val")?.Value;
        if (numId is null or "0" || numbering?.Root is not { } root)
        {
            return null;
        }

        var level = int.TryParse(numPr!.Element(W + "ilvl")?.Attribute(W + "val")?.Value, out var l) ? Math.Clamp(l, 0, 2) : 0;
        var instance = root.Elements(W + "num").FirstOrDefault(n => n.Attribute(W + "numId")?.Value == numId);
        var abstractId = instance?.Element(W + "abstractNumId")?.Attribute(W + "val")?.Value;
        var definition = root.Elements(W + "abstractNum").FirstOrDefault(a => a.Attribute(W + "abstractNumId")?.Value == abstractId);
        if (definition is null)
        {
            return null;
        }

        var format = definition.Elements(W + "lvl").FirstOrDefault(x => x.Attribute(W + "ilvl")?.Value == level.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?.Element(W + "numFmt")?.Attribute(W + "val")?.Value ?? "bullet";
        return format == "none" ? null : new ListKind(level, format != "bullet");
    }

    private XElement? StyleNumbering(string? styleId) =>
        styleId is null ? null : styles?.Root?.Elements(W + "style").FirstOrDefault(s => s.Attribute(W + "styleId")?.Value == styleId)?.Element(W + "pPr")?.Element(W + "numPr");
}
