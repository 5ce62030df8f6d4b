using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The last stage of <see cref="PartCompiler"/>: the part becomes a tree of nodes where everything without a tag is
/// pre-written XML text; tag runs become value and chart nodes, regions become loop nodes.
/// </summary>
internal sealed class PartEmitter
{
    private readonly NormalizedPart part;
    private readonly IReadOnlyDictionary<OpenXmlElement, IReadOnlyList<SectionRegion>> regions;
    private readonly List<TemplateError> errors;
    private readonly HashSet<OpenXmlElement> dynamic = new(ReferenceEqualityComparer.Instance);
    private readonly string emptyParagraph = "<w:p/>";

    private PartEmitter(NormalizedPart part, IReadOnlyDictionary<OpenXmlElement, IReadOnlyList<SectionRegion>> regions, List<TemplateError> errors)
    {
        this.part = part;
        this.regions = regions;
        this.errors = errors;

        // The elements holding a tag run, a bookmark named by tags or its end: they are emitted as nodes, the
        // others as XML text.
        var root = part.Root;
        foreach (var run in part.TagRuns.Keys.Concat(part.BookmarkNames.Keys).Concat(root.Descendants<BookmarkEnd>().Where(b => b.Id?.Value is { } id && part.KeptBookmarkIds.Contains(id))))
        {
            for (var e = run; e is not null; e = e.Parent)
            {
                if (!dynamic.Add(e))
                {
                    break;
                }
            }
        }

        var rootScope = NsScope.Empty.With(root.NamespaceDeclarations.ToList());
        if (rootScope.Lookup("w") != XmlChunkWriter.WordNamespace)
        {
            emptyParagraph = $"<w:p xmlns:w=\"{XmlChunkWriter.WordNamespace}\"/>";
        }
    }

    private enum TokenKind
    {
        Element,
        ParagraphStart,
        ParagraphEnd,
    }

    /// <summary>The tree of nodes of the part, XML declaration first; sections that overlap are errors.</summary>
    public static Node Emit(NormalizedPart part, IReadOnlyDictionary<OpenXmlElement, IReadOnlyList<SectionRegion>> regions, List<TemplateError> errors)
    {
        var emitter = new PartEmitter(part, regions, errors);
        var nodes = new List<Node>();
        emitter.EmitElement(part.Root, nodes, inLoop: false, NsScope.Empty);
        var body = nodes.Count == 1 ? nodes[0] : new ElementNode(string.Empty, nodes, string.Empty, BlockKind.None, collapsible: false, emitter.emptyParagraph);
        var declaration = new StaticNode("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", BlockKind.None, visible: false, 0);
        return new ElementNode(string.Empty, [declaration, body], string.Empty, BlockKind.None, collapsible: false, emitter.emptyParagraph);
    }

    /// <summary>A child of a container, or the start or end of a paragraph cut by a section (its children are tokens too).</summary>
    private readonly record struct Token(OpenXmlElement Element, TokenKind Kind, NsScope Scope);

    private void EmitElement(OpenXmlElement element, List<Node> sink, bool inLoop, NsScope scope)
    {
        if (part.TagRuns.TryGetValue(element, out var tag))
        {
            var run = (Run)element;
            var runStart = XmlChunkWriter.StartTag(run, scope, inLoop, out var runScope) + (run.RunProperties is { } rp ? XmlChunkWriter.Whole(rp, runScope, inLoop) : string.Empty);
            var runEnd = XmlChunkWriter.EndTag(run);
            switch (tag.Kind)
            {
                case TagKind.Value:
                    Add(sink, new ValueNode(tag, runStart, runEnd) { InFieldCode = run.Elements<FieldCode>().Any() });
                    break;
                case TagKind.Chart:
                    Add(sink, new ChartNode(tag, runStart, runEnd));
                    break;
            }

            return;
        }

        if (part.BookmarkNames.TryGetValue(element, out var name))
        {
            Add(sink, new BookmarkNode(XmlChunkWriter.QualifiedName(element), (element as BookmarkStart)?.Id?.Value ?? "0", name));
            return;
        }

        if (element is BookmarkEnd end && end.Id?.Value is { } endId && part.KeptBookmarkIds.Contains(endId))
        {
            Add(sink, new StaticNode(XmlChunkWriter.Whole(element, scope, inLoop: false), BlockKind.None, visible: false, 0));
            return;
        }

        if (inLoop && XmlChunkWriter.IsUniqueAnchor(element))
        {
            return;
        }

        if (element is Paragraph placeParagraph && part.ParagraphTags.TryGetValue(placeParagraph, out var placeTags) && placeTags.Any(t => t.Kind == TagKind.Text))
        {
            EmitPlace(placeParagraph, placeTags, sink);
            return;
        }

        if (!dynamic.Contains(element))
        {
            var kind = KindOf(element);
            Add(sink, new StaticNode(XmlChunkWriter.Whole(element, scope, inLoop), kind, IsVisible(element), kind == BlockKind.Row ? 1 : 0));
            return;
        }

        var start = XmlChunkWriter.StartTag(element, scope, inLoop, out var inner);
        var children = new List<Node>();
        EmitChildren(element.ChildElements.ToList(), regions.GetValueOrDefault(element) ?? [], children, inLoop, inner);
        var collapsible = false;
        if (element is Paragraph paragraph && part.ParagraphTags.TryGetValue(paragraph, out var own))
        {
            var keepsSection = paragraph.ParagraphProperties?.SectionProperties is not null;
            var fixedNodes = children.Where(c => c.HasFixedContent).ToList();
            collapsible = !keepsSection && own.Any(t => t.IsLoopTag || t.Kind == TagKind.Chart) && fixedNodes.All(n => n is ChartNode);
            if (!keepsSection && own.Count == 1 && fixedNodes is [ValueNode value] && children.Contains(value))
            {
                var splitStart = XmlChunkWriter.StartTag(paragraph, scope, inLoop: true, out var pScope)
                    + (paragraph.ParagraphProperties is { } pp ? XmlChunkWriter.Whole(pp, pScope, inLoop: true) : string.Empty);
                value.ParagraphBreak = XmlChunkWriter.EndTag(paragraph) + splitStart;
            }
        }

        Add(sink, new ElementNode(start, children, XmlChunkWriter.EndTag(element), KindOf(element), collapsible, emptyParagraph));
    }

    /// <summary>A <c>{{texte:…}}</c> tag: alone in a paragraph of the body or of a section's content, never in a table.</summary>
    private void EmitPlace(Paragraph paragraph, IReadOnlyList<TemplateTag> tags, List<Node> sink)
    {
        var tag = tags.First(t => t.Kind == TagKind.Text);
        var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim();
        if (tags.Count > 1 || text != tag.Raw.Trim() || paragraph.Ancestors<Table>().Any() || paragraph.ParagraphProperties?.SectionProperties is not null)
        {
            errors.Add(TemplateErrors.PlaceNotAlone(tag));
            return;
        }

        Add(sink, new TextPlaceNode(tag, paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value));
    }

    /// <summary>Emits the children of a container, opening the paragraphs that a section cuts into their start, children and end.</summary>
    private void EmitChildren(List<OpenXmlElement> children, IReadOnlyList<SectionRegion> available, List<Node> sink, bool inLoop, NsScope scope)
    {
        var cut = new HashSet<OpenXmlElement>(available.Where(r => r.CutStart is not null).SelectMany(r => new OpenXmlElement[] { r.CutStart!, r.CutEnd! }), ReferenceEqualityComparer.Instance);
        var all = available.ToList();
        var tokens = new List<Token>();
        foreach (var child in children)
        {
            if (child is not Paragraph paragraph || !cut.Contains(paragraph))
            {
                tokens.Add(new Token(child, TokenKind.Element, scope));
                continue;
            }

            XmlChunkWriter.StartTag(paragraph, scope, inLoop, out var inner);
            tokens.Add(new Token(paragraph, TokenKind.ParagraphStart, scope));
            tokens.AddRange(paragraph.ChildElements.Where(c => c is not ParagraphProperties).Select(c => new Token(c, TokenKind.Element, inner)));
            tokens.Add(new Token(paragraph, TokenKind.ParagraphEnd, scope));
            all.AddRange(regions.GetValueOrDefault(paragraph) ?? []);
        }

        EmitTokens(tokens, all, sink, inLoop);
    }

    private void EmitTokens(List<Token> tokens, List<SectionRegion> available, List<Node> sink, bool inLoop)
    {
        var index = new Dictionary<(OpenXmlElement, TokenKind), int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            index[(tokens[k].Element, tokens[k].Kind)] = k;
        }

        int? StartOf(SectionRegion r) => index.TryGetValue((r.Start, TokenKind.Element), out var k) || index.TryGetValue((r.Start, TokenKind.ParagraphStart), out k) ? k : null;
        int? EndOf(SectionRegion r) => index.TryGetValue((r.End, TokenKind.Element), out var k) || index.TryGetValue((r.End, TokenKind.ParagraphEnd), out k) ? k : null;

        var ordered = available.Where(r => StartOf(r) is not null).OrderBy(r => r.Open.Order).ToList();
        var i = 0;
        while (i < tokens.Count)
        {
            var region = ordered.FirstOrDefault(r => StartOf(r) == i);
            if (region is null)
            {
                EmitToken(tokens[i], sink, inLoop);
                i++;
                continue;
            }

            ordered.Remove(region);
            if (EndOf(region) is not { } j || j < i)
            {
                errors.Add(TemplateErrors.SectionEndsBeforeStart(region.Open, region.Close));
                continue;
            }

            var inner = new List<SectionRegion>();
            foreach (var r in ordered.ToList())
            {
                var rs = StartOf(r)!.Value;
                if (rs < i || rs > j)
                {
                    continue;
                }

                ordered.Remove(r);
                if (EndOf(r) is not { } re || re > j)
                {
                    errors.Add(TemplateErrors.SectionsOverlap(r.Open, r.Close, region.Open, region.Close));
                    continue;
                }

                inner.Add(r);
            }

            var body = new List<Node>();
            var last = region.TrailingPageBreak is null ? j : j - 1;
            EmitTokens(tokens.GetRange(i, last - i + 1), inner, body, inLoop: true);
            sink.Add(region.TrailingPageBreak is null
                ? new LoopNode(region.Open, body)
                : new LoopNode(region.Open, body)
                {
                    TrailingPageBreak = region.TrailingPageBreak,
                    ParagraphStart = XmlChunkWriter.StartTag(region.End, tokens[j].Scope, inLoop: true, out _),
                    ParagraphEnd = XmlChunkWriter.EndTag(region.End),
                });
            i = j + 1;
        }
    }

    private void EmitToken(Token token, List<Node> sink, bool inLoop)
    {
        switch (token.Kind)
        {
            case TokenKind.ParagraphStart:
                var paragraph = (Paragraph)token.Element;
                var start = XmlChunkWriter.StartTag(paragraph, token.Scope, inLoop, out var inner) + (paragraph.ParagraphProperties is { } pp ? XmlChunkWriter.Whole(pp, inner, inLoop) : string.Empty);
                Add(sink, new StaticNode(start, BlockKind.None, visible: false, 0));
                break;
            case TokenKind.ParagraphEnd:
                Add(sink, new StaticNode(XmlChunkWriter.EndTag(token.Element), BlockKind.Paragraph, visible: false, 0));
                break;
            default:
                EmitElement(token.Element, sink, inLoop, token.Scope);
                break;
        }
    }

    private static void Add(List<Node> sink, Node node)
    {
        if (node is StaticNode s && sink.Count > 0 && sink[^1] is StaticNode previous)
        {
            sink[^1] = StaticNode.Merge(previous, s);
            return;
        }

        sink.Add(node);
    }

    private static BlockKind KindOf(OpenXmlElement e) => e switch
    {
        Paragraph => BlockKind.Paragraph,
        Table => BlockKind.Table,
        TableRow => BlockKind.Row,
        TableCell => BlockKind.Cell,
        SdtBlock or CustomXmlBlock or AltChunk => BlockKind.Other,
        _ => BlockKind.None,
    };

    /// <summary>Whether an element shows something: text that is not blank, a drawing, a break, a tab, a field…</summary>
    private static bool IsVisible(OpenXmlElement e)
    {
        switch (e)
        {
            case Text t:
                return t.Text.Trim().Length > 0;
            case Drawing or Picture or EmbeddedObject or Break or TabChar or SymbolChar or PositionalTab or FieldChar or FieldCode or SimpleField
                or FootnoteReference or EndnoteReference or NoBreakHyphen or CarriageReturn or DocumentFormat.OpenXml.Math.OfficeMath
                or DocumentFormat.OpenXml.Math.Paragraph or Table or TableRow:
                return true;
        }

        foreach (var child in e.ChildElements)
        {
            if (IsVisible(child))
            {
                return true;
            }
        }

        return false;
    }
}
