using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>One compiled part of a template (the document body, a header, a footer).</summary>
internal sealed record CompiledPart(string Uri, Node Root, IReadOnlyList<TemplateTag> Tags, bool ChartsAllowed);

/// <summary>
/// Compiles one part in stages. <b>Lexer</b>: per paragraph, the text of all its <c>w:t</c> is joined and tags are
/// found in it. <b>Normalisation</b>: each tag's text is moved into the first piece where it starts and removed from
/// the others, then the tag gets a run of its own with the formatting of that piece (spelling marks, revision marks,
/// bookmarks and formatting changes inside a tag no longer matter). <b>Parser</b>: section tags are paired; each pair
/// is expanded to what contains both tags: runs of one paragraph (inline), table rows (tags in different cells or
/// rows), or whole paragraphs and tables (a section spanning blocks). <b>Emit</b>: the part becomes a tree of nodes
/// where everything without a tag is pre-written XML text.
/// </summary>
internal sealed class PartCompiler
{
    private readonly OpenXmlPartRootElement root;
    private readonly string partUri;
    private readonly bool chartsAllowed;
    private readonly List<TemplateError> errors;
    private readonly Dictionary<OpenXmlElement, TemplateTag> tagRuns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OpenXmlElement, Paragraph> tagParagraphs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TemplateTag, OpenXmlElement> runsByTag = new(ReferenceEqualityComparer.Instance);
    private readonly List<TemplateTag> tags = [];
    private readonly Dictionary<OpenXmlElement, List<Region>> regions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<OpenXmlElement> dynamic = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Paragraph, List<TemplateTag>> paragraphTags = new(ReferenceEqualityComparer.Instance);
    private string emptyParagraph = "<w:p/>";

    private PartCompiler(OpenXmlPartRootElement root, string partUri, bool chartsAllowed, List<TemplateError> errors)
    {
        this.root = root;
        this.partUri = partUri;
        this.chartsAllowed = chartsAllowed;
        this.errors = errors;
    }

    /// <summary>
    /// A pair of section tags and what repeats between them. Whole blocks when <see cref="CutStart"/> is null;
    /// otherwise a cut: the loop starts right after the opening tag's run and stops right before the closing one's,
    /// so the text before the opening tag and after the closing tag (and their paragraphs' start and end) come out once.
    /// </summary>
    private sealed record Region(OpenXmlElement Container, OpenXmlElement Start, OpenXmlElement End, TemplateTag Open, TemplateTag Close)
    {
        public Paragraph? CutStart { get; init; }

        public Paragraph? CutEnd { get; init; }

        /// <summary>The page break of the closing tag's paragraph, written once after the last item (not once per item).</summary>
        public string? TrailingPageBreak { get; init; }
    }

    private enum TokenKind
    {
        Element,
        ParagraphStart,
        ParagraphEnd,
    }

    /// <summary>A child of a container, or the start or end of a paragraph cut by a section (its children are tokens too).</summary>
    private readonly record struct Token(OpenXmlElement Element, TokenKind Kind, NsScope Scope);

    public static CompiledPart Compile(OpenXmlPartRootElement root, string partUri, bool chartsAllowed, List<TemplateError> errors)
    {
        var compiler = new PartCompiler(root, partUri, chartsAllowed, errors);
        return compiler.Run();
    }

    private CompiledPart Run()
    {
        var paragraphs = root.Descendants<Paragraph>().ToList();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            LexAndNormalize(paragraphs[i], i + 1);
        }

        foreach (var proof in root.Descendants<ProofError>().ToList())
        {
            proof.Remove();
        }

        foreach (var (open, close) in Pair())
        {
            AddRegion(open, close);
        }

        foreach (var run in tagRuns.Keys)
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

        var nodes = new List<Node>();
        EmitElement(root, nodes, inLoop: false, NsScope.Empty);
        var body = nodes.Count == 1 ? nodes[0] : new ElementNode(string.Empty, nodes, string.Empty, BlockKind.None, collapsible: false, emptyParagraph);
        var declaration = new StaticNode("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", BlockKind.None, visible: false, 0);
        return new CompiledPart(partUri, new ElementNode(string.Empty, [declaration, body], string.Empty, BlockKind.None, collapsible: false, emptyParagraph), tags, chartsAllowed);
    }

    // ---- Lexer and normalisation -------------------------------------------------------------------------------

    private void LexAndNormalize(Paragraph paragraph, int index)
    {
        var pieces = new List<Text>();
        CollectOwnTexts(paragraph, pieces);
        if (pieces.Count == 0)
        {
            return;
        }

        var texts = pieces.Select(t => t.Text).ToList();
        var joined = string.Concat(texts);
        if (!joined.Contains('{', StringComparison.Ordinal) && !joined.Contains('}', StringComparison.Ordinal))
        {
            return;
        }

        var location = new TemplateLocation(partUri, index, Excerpt(joined));
        var lexErrors = new List<LexError>();
        var lexed = TemplateLexer.Scan(joined, lexErrors);
        foreach (var e in lexErrors)
        {
            errors.Add(new TemplateError(e.Code, joined.Substring(e.Position, Math.Min(2, joined.Length - e.Position)), location, e.Message));
        }

        var found = new List<(LexedTag Lexed, TemplateTag Tag)>();
        foreach (var l in lexed)
        {
            var tag = TagParser.Parse(l.Raw, l.Content, location, tags.Count, errors);
            if (tag is null)
            {
                continue;
            }

            if (tag.Kind == TagKind.Chart && !chartsAllowed)
            {
                errors.Add(new TemplateError("graphique-interdit", tag.Raw, location, $"La balise {tag.Raw} insère un graphique : elle n'est permise que dans le corps du document, pas dans un en-tête ni un pied de page."));
                continue;
            }

            tags.Add(tag);
            found.Add((l, tag));
        }

        if (found.Count == 0)
        {
            return;
        }

        paragraphTags[paragraph] = found.Select(f => f.Tag).ToList();
        Relocate(paragraph, pieces, texts, joined, found);
    }

    /// <summary>The <c>w:t</c> of a paragraph, not those of paragraphs nested in it (text boxes).</summary>
    private static void CollectOwnTexts(OpenXmlElement element, List<Text> pieces)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph:
                    continue;
                case Text t:
                    pieces.Add(t);
                    break;
                default:
                    if (child.HasChildren)
                    {
                        CollectOwnTexts(child, pieces);
                    }

                    break;
            }
        }
    }

    /// <summary>Moves each tag's text into the piece where it starts and gives each tag a run of its own.</summary>
    private void Relocate(Paragraph paragraph, List<Text> pieces, List<string> texts, string joined, List<(LexedTag Lexed, TemplateTag Tag)> found)
    {
        var starts = new int[pieces.Count];
        for (int k = 0, offset = 0; k < pieces.Count; k++)
        {
            starts[k] = offset;
            offset += texts[k].Length;
        }

        // The piece holding the character at this position (empty pieces hold none).
        int PieceAt(int position)
        {
            for (var k = 0; k < pieces.Count; k++)
            {
                if (position >= starts[k] && position < starts[k] + texts[k].Length)
                {
                    return k;
                }
            }

            throw new InvalidOperationException("Position outside the paragraph's text.");
        }

        var segments = pieces.Select(_ => new List<(string Text, TemplateTag? Tag)>()).ToArray();
        void Literal(int from, int to)
        {
            while (from < to)
            {
                var k = PieceAt(from);
                var end = Math.Min(to, starts[k] + texts[k].Length);
                segments[k].Add((joined[from..end], null));
                from = end;
            }
        }

        var position = 0;
        foreach (var (lexed, tag) in found)
        {
            Literal(position, lexed.Start);
            segments[PieceAt(lexed.Start)].Add((lexed.Raw, tag));
            position = lexed.End;
        }

        Literal(position, joined.Length);
        for (var k = 0; k < pieces.Count; k++)
        {
            Rewrite(paragraph, pieces[k], segments[k]);
        }
    }

    private void Rewrite(Paragraph paragraph, Text piece, List<(string Text, TemplateTag? Tag)> segments)
    {
        if (segments.All(s => s.Tag is null))
        {
            var text = string.Concat(segments.Select(s => s.Text));
            if (text != piece.Text)
            {
                piece.Text = text;
                piece.Space = SpaceProcessingModeValues.Preserve;
            }

            if (text.Length == 0 && piece.Parent is Run emptied)
            {
                piece.Remove();
                if (emptied.ChildElements.All(c => c is RunProperties))
                {
                    emptied.Remove();
                }
            }

            return;
        }

        if (piece.Parent is not Run run)
        {
            return;
        }

        var properties = run.RunProperties;
        var children = run.ChildElements.ToList();
        var at = children.IndexOf(piece);
        var before = children.Take(at).Where(c => c is not RunProperties).ToList();
        var after = children.Skip(at + 1).ToList();
        var replacement = new List<Run>();
        Run NewRun(IEnumerable<OpenXmlElement> content)
        {
            var r = (Run)run.CloneNode(false);
            if (properties is not null)
            {
                r.AppendChild(properties.CloneNode(true));
            }

            foreach (var c in content)
            {
                if (c.Parent is not null)
                {
                    c.Remove();
                }

                r.AppendChild(c);
            }

            return r;
        }

        if (before.Count > 0)
        {
            replacement.Add(NewRun(before));
        }

        foreach (var (text, tag) in segments)
        {
            if (tag is not null)
            {
                var tagRun = NewRun([new Text(text) { Space = SpaceProcessingModeValues.Preserve }]);
                tagRuns[tagRun] = tag;
                runsByTag[tag] = tagRun;
                tagParagraphs[tagRun] = paragraph;
                replacement.Add(tagRun);
            }
            else if (text.Length > 0)
            {
                replacement.Add(NewRun([new Text(text) { Space = SpaceProcessingModeValues.Preserve }]));
            }
        }

        if (after.Count > 0)
        {
            replacement.Add(NewRun(after));
        }

        foreach (var r in replacement)
        {
            run.InsertBeforeSelf(r);
        }

        run.Remove();
    }

    private static string Excerpt(string text)
    {
        var t = text.Replace('\u00A0', ' ').Trim();
        return t.Length <= 80 ? t : t[..77] + "…";
    }

    // ---- Parser: pairs and their expansion ---------------------------------------------------------------------

    private List<(TemplateTag Open, TemplateTag Close)> Pair()
    {
        var pairs = new List<(TemplateTag, TemplateTag)>();
        var stack = new Stack<TemplateTag>();
        foreach (var tag in tags)
        {
            switch (tag.Kind)
            {
                case TagKind.Section or TagKind.Inverted:
                    stack.Push(tag);
                    break;
                case TagKind.Close when stack.Count == 0:
                    errors.Add(new TemplateError("fermeture-sans-ouverture", tag.Raw, tag.Location, $"La balise {tag.Raw} ferme une section qui n'a pas été ouverte."));
                    break;
                case TagKind.Close:
                    var open = stack.Pop();
                    if (tag.Path.Count > 0 && tag.PathText != open.PathText)
                    {
                        errors.Add(new TemplateError("fermeture-differente", tag.Raw, tag.Location, $"La balise {tag.Raw} ferme {open.Raw} ({open.Location}) : écrivez {{{{/{open.PathText}}}}}."));
                    }

                    pairs.Add((open, tag));
                    break;
            }
        }

        foreach (var open in stack.Reverse())
        {
            errors.Add(new TemplateError("boucle-non-fermee", open.Raw, open.Location, $"La section {open.Raw} n'est jamais fermée : ajoutez {{{{/{open.PathText}}}}} après son contenu."));
        }

        return pairs;
    }

    private void AddRegion(TemplateTag open, TemplateTag close)
    {
        if (!runsByTag.TryGetValue(open, out var s) || !runsByTag.TryGetValue(close, out var e))
        {
            return;
        }

        var sAncestors = AncestorsOrSelf(s).ToList();
        var eAncestors = new HashSet<OpenXmlElement>(AncestorsOrSelf(e), ReferenceEqualityComparer.Instance);
        var lca = sAncestors.FirstOrDefault(eAncestors.Contains);
        if (lca is null)
        {
            Invalid(open, close, "elles ne sont pas dans la même partie du document");
            return;
        }

        if (lca is TableRow or Table && !ReferenceEquals(s.Ancestors<Table>().First(), e.Ancestors<Table>().First()))
        {
            Invalid(open, close, "l'une est dans un tableau imbriqué dans une cellule et l'autre non ; placez-les dans le même tableau");
            return;
        }

        Region? region = lca switch
        {
            TableRow row => new Region(row.Parent!, row, row, open, close),
            Table table when ChildUnder(s, table) is TableRow rs && ChildUnder(e, table) is TableRow re => new Region(table, rs, re, open, close),
            Table => null,
            _ when IsBlockContainer(lca) => BlockRegion(lca, s, e, open, close),
            _ when lca is Paragraph || lca.Ancestors<Paragraph>().Any() => InlineRegion(lca, s, e, open, close),
            _ => null,
        };
        if (region is null)
        {
            Invalid(open, close, "placez-les dans le même paragraphe, dans deux cellules du même tableau, ou chacune dans un paragraphe du même niveau (pas l'une dans un tableau et l'autre dehors)");
            return;
        }

        if (!regions.TryGetValue(region.Container, out var list))
        {
            regions[region.Container] = list = [];
        }

        list.Add(region);
    }

    /// <summary>
    /// Tags each in a paragraph of the same container. As docxtemplater: when both paragraphs hold nothing but section
    /// tags (and page breaks), the paragraphs between them repeat and the tag paragraphs disappear, a page break of the
    /// closing one coming once after the last item; otherwise the paragraphs are cut at the tags.
    /// </summary>
    private Region? BlockRegion(OpenXmlElement container, OpenXmlElement s, OpenXmlElement e, TemplateTag open, TemplateTag close)
    {
        var start = ChildUnder(s, container);
        var end = ChildUnder(e, container);
        if (start is not Paragraph ps || !ReferenceEquals(tagParagraphs[s], ps) || end is not Paragraph pe || !ReferenceEquals(tagParagraphs[e], pe))
        {
            return null;
        }

        if (HoldsOnlySectionTags(ps) && HoldsOnlySectionTags(pe))
        {
            var breaks = pe.ChildElements.OfType<Run>().Where(r => !tagRuns.ContainsKey(r) && r.Elements<Break>().Any(b => b.Type?.Value == BreakValues.Page)).ToList();
            var trailing = breaks.Count > 0 && paragraphTags[pe].Count == 1 && pe.ParagraphProperties?.SectionProperties is null
                ? string.Concat(breaks.Select(b => XmlChunkWriter.Whole(b, NsScope.Empty.With(root.NamespaceDeclarations.ToList()), inLoop: true)))
                : null;
            return new Region(container, ps, pe, open, close) { TrailingPageBreak = trailing };
        }

        return Hoist(s, ps) && Hoist(e, pe) ? new Region(container, s, e, open, close) { CutStart = ps, CutEnd = pe } : null;
    }

    /// <summary>Whether a paragraph shows nothing but section tags: no other text, no value or chart tag (page breaks, bookmarks and empty runs do not count).</summary>
    private bool HoldsOnlySectionTags(Paragraph paragraph)
    {
        if (!paragraphTags[paragraph].All(t => t.IsLoopTag))
        {
            return false;
        }

        var texts = new List<Text>();
        CollectOwnTexts(paragraph, texts);
        return texts.All(t => (t.Parent is { } run && tagRuns.ContainsKey(run)) || t.Text.Trim().Length == 0)
            && !paragraph.Descendants().Any(d => d is Drawing or Picture or EmbeddedObject);
    }

    private static Region? InlineRegion(OpenXmlElement container, OpenXmlElement s, OpenXmlElement e, TemplateTag open, TemplateTag close) =>
        Hoist(s, container) && Hoist(e, container) ? new Region(container, s, e, open, close) : null;

    /// <summary>Lifts a tag run out of inline wrappers (hyperlink, revision, smart tag) up to <paramref name="target"/> by splitting them.</summary>
    private static bool Hoist(OpenXmlElement run, OpenXmlElement target)
    {
        while (!ReferenceEquals(run.Parent, target))
        {
            var parent = run.Parent;
            if (parent is null || parent is Paragraph || parent is SdtContentRun || parent.Parent is null)
            {
                return false;
            }

            var siblings = parent.ChildElements.ToList();
            var at = siblings.IndexOf(run);
            var properties = siblings.TakeWhile(c => c.LocalName.EndsWith("Pr", StringComparison.Ordinal)).ToList();
            var before = siblings.Take(at).Skip(properties.Count).ToList();
            var after = siblings.Skip(at + 1).ToList();
            OpenXmlElement? Part(List<OpenXmlElement> content)
            {
                if (content.Count == 0)
                {
                    return null;
                }

                var copy = parent.CloneNode(false);
                foreach (var p in properties)
                {
                    copy.AppendChild(p.CloneNode(true));
                }

                foreach (var c in content)
                {
                    c.Remove();
                    copy.AppendChild(c);
                }

                return copy;
            }

            var first = Part(before);
            var last = Part(after);
            run.Remove();
            if (first is not null)
            {
                parent.InsertBeforeSelf(first);
            }

            parent.InsertBeforeSelf(run);
            if (last is not null)
            {
                parent.InsertBeforeSelf(last);
            }

            parent.Remove();
        }

        return true;
    }

    private void Invalid(TemplateTag open, TemplateTag close, string why) =>
        errors.Add(new TemplateError("position-boucle-invalide", open.Raw, open.Location, $"Les balises {open.Raw} et {close.Raw} ({close.Location}) sont mal placées : {why}."));

    private static bool IsBlockContainer(OpenXmlElement e) =>
        e is Body or TableCell or SdtContentBlock or TextBoxContent or Header or Footer or Footnote or Endnote or Comment or CustomXmlBlock or SdtContentCell;

    private static IEnumerable<OpenXmlElement> AncestorsOrSelf(OpenXmlElement e)
    {
        for (var x = e; x is not null; x = x.Parent)
        {
            yield return x;
        }
    }

    private static OpenXmlElement? ChildUnder(OpenXmlElement e, OpenXmlElement ancestor)
    {
        for (var x = e; x.Parent is not null; x = x.Parent)
        {
            if (ReferenceEquals(x.Parent, ancestor))
            {
                return x;
            }
        }

        return null;
    }

    // ---- Emit -----------------------------------------------------------------------------------------------

    private void EmitElement(OpenXmlElement element, List<Node> sink, bool inLoop, NsScope scope)
    {
        if (tagRuns.TryGetValue(element, out var tag))
        {
            var run = (Run)element;
            var runStart = XmlChunkWriter.StartTag(run, scope, inLoop, out var runScope) + (run.RunProperties is { } rp ? XmlChunkWriter.Whole(rp, runScope, inLoop) : string.Empty);
            var runEnd = XmlChunkWriter.EndTag(run);
            switch (tag.Kind)
            {
                case TagKind.Value:
                    Add(sink, new ValueNode(tag, runStart, runEnd));
                    break;
                case TagKind.Chart:
                    Add(sink, new ChartNode(tag, runStart, runEnd));
                    break;
            }

            return;
        }

        if (inLoop && XmlChunkWriter.IsUniqueAnchor(element))
        {
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
        if (element is Paragraph paragraph && paragraphTags.TryGetValue(paragraph, out var own))
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

    /// <summary>Emits the children of a container, opening the paragraphs that a section cuts into their start, children and end.</summary>
    private void EmitChildren(List<OpenXmlElement> children, List<Region> available, List<Node> sink, bool inLoop, NsScope scope)
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

    private void EmitTokens(List<Token> tokens, List<Region> available, List<Node> sink, bool inLoop)
    {
        var index = new Dictionary<(OpenXmlElement, TokenKind), int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            index[(tokens[k].Element, tokens[k].Kind)] = k;
        }

        int? StartOf(Region r) => index.TryGetValue((r.Start, TokenKind.Element), out var k) || index.TryGetValue((r.Start, TokenKind.ParagraphStart), out k) ? k : null;
        int? EndOf(Region r) => index.TryGetValue((r.End, TokenKind.Element), out var k) || index.TryGetValue((r.End, TokenKind.ParagraphEnd), out k) ? k : null;

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
                Invalid(region.Open, region.Close, "la fin de la section est avant son début");
                continue;
            }

            var inner = new List<Region>();
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
                    Invalid(r.Open, r.Close, $"la section chevauche {region.Open.Raw}…{region.Close.Raw} sans y être contenue");
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
