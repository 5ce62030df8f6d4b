using System.Xml;
using System.Xml.Linq;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A kept text as stored: WordprocessingML paragraphs and tables, sanitized when it was read
/// (<c>Reporting/Texts/ReportTextReader</c>), holding only paragraphs, runs in bold, italic or underline, text,
/// tabs and line breaks, list paragraphs (<c>w:numId</c> <see cref="BulletList"/> or <see cref="NumberedList"/>)
/// and tables of such paragraphs. Each element declares the Word namespace.
/// </summary>
public static class TextFragment
{
    public static readonly XNamespace W = XmlChunkWriter.WordNamespace;

    /// <summary>The <c>w:numId</c> of a bulleted list paragraph in a stored fragment.</summary>
    public const string BulletList = "1";

    /// <summary>The <c>w:numId</c> of a numbered list paragraph in a stored fragment.</summary>
    public const string NumberedList = "2";

    /// <summary>The stored form of a list of block elements.</summary>
    public static string Write(IEnumerable<XElement> blocks) =>
        string.Concat(blocks.Select(b => b.ToString(SaveOptions.DisableFormatting)));

    /// <summary>The block elements of a stored fragment.</summary>
    public static List<XElement> Read(string fragment)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ConformanceLevel = ConformanceLevel.Fragment };
        using var reader = XmlReader.Create(new StringReader(fragment), settings);
        var blocks = new List<XElement>();
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                blocks.Add((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return blocks;
    }

    /// <summary>The plain text of a fragment, paragraphs separated by line ends (to compare, count and show it).</summary>
    public static string PlainText(IEnumerable<XElement> blocks) =>
        string.Join('\n', blocks.SelectMany(b => b.Name == W + "p" ? [b] : b.Descendants(W + "p")).Select(ParagraphText)).Trim();

    public static string ParagraphText(XElement paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e.Name.LocalName switch
        {
            "t" => e.Value,
            "tab" when e.Parent?.Name == W + "r" => "\t",
            "br" or "cr" => "\n",
            _ => string.Empty,
        }));

    /// <summary>The blocks to write in a place: top-level paragraphs take the style of the template's paragraph, lists their numbering in the report.</summary>
    internal static List<XElement> ForRendering(string fragment, string? paragraphStyle, TextPlaceRendering rendering)
    {
        var blocks = Read(fragment);
        int? numbered = null;
        foreach (var numId in blocks.SelectMany(b => b.Descendants(W + "numId")))
        {
            if (numId.Attribute(W + "val")?.Value == NumberedList)
            {
                numbered ??= rendering.NewNumberedList();
                numId.SetAttributeValue(W + "val", numbered.Value);
            }
            else
            {
                rendering.UsesBullets = true;
                numId.SetAttributeValue(W + "val", TextPlaceRendering.BulletNumbering);
            }
        }

        if (paragraphStyle is not null)
        {
            foreach (var paragraph in blocks.Where(b => b.Name == W + "p"))
            {
                var properties = paragraph.Element(W + "pPr");
                if (properties is null)
                {
                    properties = new XElement(W + "pPr");
                    paragraph.AddFirst(properties);
                }

                properties.AddFirst(new XElement(W + "pStyle", new XAttribute(W + "val", paragraphStyle)));
            }
        }

        return blocks;
    }
}
