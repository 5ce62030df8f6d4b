using System.Xml.Linq;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>
/// Turns the content of one place of an uploaded report into a stored <see cref="TextFragment"/>: paragraphs, runs in
/// bold, italic or underline, text, tabs, line breaks, list paragraphs (bulleted or numbered, three levels) and
/// tables of such paragraphs are rebuilt from scratch; everything else (images, fields, notes, nested tables,
/// styles, colours…) is left out, each kind named once in a French warning.
/// </summary>
internal sealed class TextSanitizer(ListKinds lists)
{
    private static readonly XNamespace W = TextFragment.W;

    /// <summary>Most paragraphs, rows and cells in one text.</summary>
    public const int MaxElements = 5_000;

    private readonly SortedSet<string> dropped = new(StringComparer.Ordinal);
    private int elements;
    private FieldState field;

    private enum FieldState
    {
        None,
        Code,
        Result,
    }

    public IEnumerable<string> Dropped => dropped;

    /// <summary>False when the text has more than <see cref="MaxElements"/> paragraphs, rows and cells.</summary>
    public bool WithinLimits => elements <= MaxElements;

    public List<XElement> Blocks(IEnumerable<XElement> content)
    {
        var blocks = new List<XElement>();
        foreach (var element in content)
        {
            AddBlock(element, blocks, inTable: false);
        }

        return blocks;
    }

    private void AddBlock(XElement element, List<XElement> blocks, bool inTable)
    {
        switch (element.Name.LocalName)
        {
            case "p" when element.Name.Namespace == W:
                elements++;
                blocks.Add(Paragraph(element));
                break;
            case "tbl" when element.Name.Namespace == W:
                if (inTable)
                {
                    dropped.Add("un tableau placé dans un tableau");
                    break;
                }

                blocks.Add(Table(element));
                break;
            case "sdt":
            case "customXml":
            case "ins":
            case "moveTo":
            case "smartTag":
                foreach (var child in (element.Element(W + "sdtContent") ?? element).Elements())
                {
                    AddBlock(child, blocks, inTable);
                }

                break;
            case "bookmarkStart" or "bookmarkEnd" or "proofErr" or "permStart" or "permEnd" or "sdtPr" or "sdtEndPr" or "del" or "moveFrom"
                or "commentRangeStart" or "commentRangeEnd" or "moveFromRangeStart" or "moveFromRangeEnd" or "moveToRangeStart" or "moveToRangeEnd":
                break;
            case "altChunk":
                dropped.Add("un document importé");
                break;
            default:
                dropped.Add($"un élément « {element.Name.LocalName} »");
                break;
        }
    }

    private XElement Paragraph(XElement source)
    {
        var paragraph = new XElement(W + "p");
        if (lists.Of(source.Element(W + "pPr")) is { } list)
        {
            paragraph.Add(new XElement(
                W + "pPr",
                new XElement(
                    W + "numPr",
                    new XElement(W + "ilvl", new XAttribute(W + "val", list.Level)),
                    new XElement(W + "numId", new XAttribute(W + "val", list.Numbered ? TextFragment.NumberedList : TextFragment.BulletList)))));
        }

        Inline(source.Elements(), paragraph);
        TrimTrailingBreaks(paragraph);
        MergeRuns(paragraph);
        return paragraph;
    }

    /// <summary>
    /// Adjacent runs of the same format become one run, and adjacent texts one text: Word and LibreOffice cut runs
    /// differently (spelling marks, revisions), which is no change of the text.
    /// </summary>
    private static void MergeRuns(XElement paragraph)
    {
        XElement? previous = null;
        foreach (var run in paragraph.Elements(W + "r").ToList())
        {
            if (previous is not null && previous.NextNode == run && Format(previous) == Format(run))
            {
                previous.Add(run.Elements().Where(e => e.Name != W + "rPr"));
                run.Remove();
            }
            else
            {
                previous = run;
            }
        }

        foreach (var run in paragraph.Elements(W + "r"))
        {
            XElement? text = null;
            foreach (var child in run.Elements().ToList())
            {
                if (child.Name != W + "t")
                {
                    text = null;
                }
                else if (text is null)
                {
                    text = child;
                    text.SetAttributeValue(XNamespace.Xml + "space", "preserve");
                }
                else
                {
                    text.Value += child.Value;
                    child.Remove();
                }
            }
        }
    }

    private static string Format(XElement run) => run.Element(W + "rPr")?.ToString(SaveOptions.DisableFormatting) ?? string.Empty;

    /// <summary>
    /// A line break that ends a paragraph shows nothing (LibreOffice writes one at the end of a place's last
    /// paragraph): it is left out, and the run it leaves empty with it.
    /// </summary>
    private static void TrimTrailingBreaks(XElement paragraph)
    {
        while (paragraph.Elements(W + "r").LastOrDefault() is { } last)
        {
            if (last.Elements().LastOrDefault() is { } end && end.Name == W + "br")
            {
                end.Remove();
            }
            else if (last.Elements().All(e => e.Name == W + "rPr"))
            {
                last.Remove();
            }
            else
            {
                return;
            }
        }
    }

    private void Inline(IEnumerable<XElement> children, XElement paragraph)
    {
        foreach (var child in children)
        {
            switch (child.Name.LocalName)
            {
                case "pPr" or "bookmarkStart" or "bookmarkEnd" or "proofErr" or "permStart" or "permEnd" or "del" or "moveFrom"
                    or "commentRangeStart" or "commentRangeEnd" or "sdtPr" or "sdtEndPr" or "moveFromRangeStart" or "moveFromRangeEnd" or "moveToRangeStart" or "moveToRangeEnd":
                    break;
                case "r":
                    Run(child, paragraph);
                    break;
                case "hyperlink":
                    dropped.Add("un lien (son texte est gardé)");
                    Inline(child.Elements(), paragraph);
                    break;
                case "fldSimple":
                    dropped.Add("un champ Word (son texte affiché est gardé)");
                    Inline(child.Elements(), paragraph);
                    break;
                case "ins" or "moveTo" or "smartTag" or "customXml" or "dir" or "bdo":
                    Inline(child.Elements(), paragraph);
                    break;
                case "sdt":
                    Inline(child.Element(W + "sdtContent")?.Elements() ?? [], paragraph);
                    break;
                case "oMath" or "oMathPara":
                    dropped.Add("une formule");
                    break;
                default:
                    dropped.Add($"un élément « {child.Name.LocalName} »");
                    break;
            }
        }
    }

    private void Run(XElement source, XElement paragraph)
    {
        var properties = source.Element(W + "rPr");
        var format = new XElement(W + "rPr");
        if (IsOn(properties?.Element(W + "b")))
        {
            format.Add(new XElement(W + "b"));
        }

        if (IsOn(properties?.Element(W + "i")))
        {
            format.Add(new XElement(W + "i"));
        }

        if (properties?.Element(W + "u")?.Attribute(W + "val")?.Value is { } underline && underline != "none")
        {
            format.Add(new XElement(W + "u", new XAttribute(W + "val", "single")));
        }

        var run = new XElement(W + "r");
        if (format.HasElements)
        {
            run.Add(format);
        }

        foreach (var child in source.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "fldChar":
                    var type = child.Attribute(W + "fldCharType")?.Value;
                    field = type == "begin" ? FieldState.Code : type == "separate" ? FieldState.Result : FieldState.None;
                    dropped.Add("un champ Word (son texte affiché est gardé)");
                    break;
                case "instrText" or "delInstrText" or "rPr" or "lastRenderedPageBreak" or "softHyphen" or "delText" or "annotationRef":
                    break;
                case "t" when field != FieldState.Code && child.Value.Length > 0:
                    run.Add(new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), child.Value));
                    break;
                case "tab" when field != FieldState.Code:
                    run.Add(new XElement(W + "tab"));
                    break;
                case "br" or "cr" when field != FieldState.Code:
                    run.Add(new XElement(W + "br"));
                    break;
                case "noBreakHyphen" when field != FieldState.Code:
                    run.Add(new XElement(W + "t", "-"));
                    break;
                case "drawing" or "pict" or "object" or "AlternateContent":
                    dropped.Add("une image ou un objet");
                    break;
                case "footnoteReference" or "endnoteReference" or "commentReference":
                    dropped.Add("un renvoi à une note ou un commentaire");
                    break;
                case "t" or "tab" or "br" or "cr" or "noBreakHyphen":
                    break;
                default:
                    dropped.Add($"un élément « {child.Name.LocalName} »");
                    break;
            }
        }

        if (run.Elements().Any(e => e.Name != W + "rPr"))
        {
            paragraph.Add(run);
        }
    }

    private XElement Table(XElement source)
    {
        var borders = new XElement(W + "tblBorders", new[] { "top", "left", "bottom", "right", "insideH", "insideV" }.Select(side =>
            new XElement(W + side, new XAttribute(W + "val", "single"), new XAttribute(W + "sz", "4"), new XAttribute(W + "space", "0"), new XAttribute(W + "color", "auto"))));
        var table = new XElement(W + "tbl", new XElement(W + "tblPr", new XElement(W + "tblW", new XAttribute(W + "w", "0"), new XAttribute(W + "type", "auto")), borders));
        var grid = new XElement(W + "tblGrid");
        foreach (var column in source.Element(W + "tblGrid")?.Elements(W + "gridCol") ?? [])
        {
            grid.Add(new XElement(W + "gridCol", new XAttribute(W + "w", Twips(column.Attribute(W + "w")?.Value) ?? 2000)));
        }

        table.Add(grid);
        foreach (var sourceRow in source.Descendants(W + "tr").Where(r => r.Ancestors(W + "tbl").First() == source))
        {
            elements++;
            var row = new XElement(W + "tr");
            foreach (var sourceCell in sourceRow.Elements().SelectMany(e => e.Name == W + "tc" ? [e] : e.Descendants(W + "tc").Where(c => c.Ancestors(W + "tr").First() == sourceRow)))
            {
                elements++;
                var width = Twips(sourceCell.Element(W + "tcPr")?.Element(W + "tcW")?.Attribute(W + "w")?.Value);
                var cellProperties = new XElement(W + "tcPr", new XElement(W + "tcW", new XAttribute(W + "w", width ?? 0), new XAttribute(W + "type", width is null ? "auto" : "dxa")));
                if (Twips(sourceCell.Element(W + "tcPr")?.Element(W + "gridSpan")?.Attribute(W + "val")?.Value) is > 1 and <= 64 and var span)
                {
                    cellProperties.Add(new XElement(W + "gridSpan", new XAttribute(W + "val", span)));
                }

                var cell = new XElement(W + "tc", cellProperties);
                var content = new List<XElement>();
                foreach (var child in sourceCell.Elements().Where(e => e.Name != W + "tcPr"))
                {
                    AddBlock(child, content, inTable: true);
                }

                cell.Add(content.Count == 0 || content[^1].Name != W + "p" ? content.Append(new XElement(W + "p")) : content);
                row.Add(cell);
            }

            if (row.HasElements)
            {
                table.Add(row);
            }
        }

        if (!grid.HasElements)
        {
            var columns = table.Elements(W + "tr").Select(r => r.Elements(W + "tc").Count()).DefaultIfEmpty(1).Max();
            grid.Add(Enumerable.Range(0, columns).Select(_ => new XElement(W + "gridCol", new XAttribute(W + "w", 2000))));
        }

        return table;
    }

    private static int? Twips(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var twips) && twips is > 0 and < 40_000 ? twips : null;

    private static bool IsOn(XElement? toggle) =>
        toggle is not null && toggle.Attribute(W + "val")?.Value is null or "1" or "true" or "on";
}
