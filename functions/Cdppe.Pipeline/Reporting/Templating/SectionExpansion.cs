using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The third stage of <see cref="PartCompiler"/>: each pair of section tags is expanded to what contains both tags:
/// runs of one paragraph (inline), table rows (tags in different cells or rows), or whole paragraphs and tables (a
/// section spanning blocks). Tag runs inside inline wrappers (hyperlinks, revisions) are lifted out of them.
/// </summary>
internal sealed class SectionExpansion
{
    private readonly NormalizedPart part;
    private readonly List<TemplateError> errors;
    private readonly Dictionary<OpenXmlElement, List<SectionRegion>> regions = new(ReferenceEqualityComparer.Instance);

    private SectionExpansion(NormalizedPart part, List<TemplateError> errors)
    {
        this.part = part;
        this.errors = errors;
    }

    /// <summary>The regions of the pairs, by the element that contains them; a pair that cannot be placed is an error.</summary>
    public static IReadOnlyDictionary<OpenXmlElement, IReadOnlyList<SectionRegion>> Expand(NormalizedPart part, IEnumerable<(TemplateTag Open, TemplateTag Close)> pairs, List<TemplateError> errors)
    {
        var expansion = new SectionExpansion(part, errors);
        foreach (var (open, close) in pairs)
        {
            expansion.AddRegion(open, close);
        }

        return expansion.regions.ToDictionary(r => r.Key, r => (IReadOnlyList<SectionRegion>)r.Value, (IEqualityComparer<OpenXmlElement>)ReferenceEqualityComparer.Instance);
    }

    private void AddRegion(TemplateTag open, TemplateTag close)
    {
        if (!part.RunsByTag.TryGetValue(open, out var s) || !part.RunsByTag.TryGetValue(close, out var e))
        {
            return;
        }

        var sAncestors = AncestorsOrSelf(s).ToList();
        var eAncestors = new HashSet<OpenXmlElement>(AncestorsOrSelf(e), ReferenceEqualityComparer.Instance);
        var lca = sAncestors.FirstOrDefault(eAncestors.Contains);
        if (lca is null)
        {
            errors.Add(TemplateErrors.SectionAcrossParts(open, close));
            return;
        }

        if (lca is TableRow or Table && !ReferenceEquals(s.Ancestors<Table>().First(), e.Ancestors<Table>().First()))
        {
            errors.Add(TemplateErrors.SectionAcrossNestedTable(open, close));
            return;
        }

        SectionRegion? region = lca switch
        {
            TableRow row => new SectionRegion(row.Parent!, row, row, open, close),
            Table table when ChildUnder(s, table) is TableRow rs && ChildUnder(e, table) is TableRow re => new SectionRegion(table, rs, re, open, close),
            Table => null,
            _ when IsBlockContainer(lca) => BlockRegion(lca, s, e, open, close),
            _ when lca is Paragraph || lca.Ancestors<Paragraph>().Any() => InlineRegion(lca, s, e, open, close),
            _ => null,
        };
        if (region is null)
        {
            errors.Add(TemplateErrors.SectionAcrossLevels(open, close));
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
    private SectionRegion? BlockRegion(OpenXmlElement container, OpenXmlElement s, OpenXmlElement e, TemplateTag open, TemplateTag close)
    {
        var start = ChildUnder(s, container);
        var end = ChildUnder(e, container);
        if (start is not Paragraph ps || !ReferenceEquals(part.TagParagraphs[s], ps) || end is not Paragraph pe || !ReferenceEquals(part.TagParagraphs[e], pe))
        {
            return null;
        }

        if (HoldsOnlySectionTags(ps) && HoldsOnlySectionTags(pe))
        {
            var breaks = pe.ChildElements.OfType<Run>().Where(r => !part.TagRuns.ContainsKey(r) && r.Elements<Break>().Any(b => b.Type?.Value == BreakValues.Page)).ToList();
            var trailing = breaks.Count > 0 && part.ParagraphTags[pe].Count == 1 && pe.ParagraphProperties?.SectionProperties is null
                ? string.Concat(breaks.Select(b => XmlChunkWriter.Whole(b, NsScope.Empty.With(part.Root.NamespaceDeclarations.ToList()), inLoop: true)))
                : null;
            return new SectionRegion(container, ps, pe, open, close) { TrailingPageBreak = trailing };
        }

        return Hoist(s, ps) && Hoist(e, pe) ? new SectionRegion(container, s, e, open, close) { CutStart = ps, CutEnd = pe } : null;
    }

    /// <summary>Whether a paragraph shows nothing but section tags: no other text, no value or chart tag (page breaks, bookmarks and empty runs do not count).</summary>
    private bool HoldsOnlySectionTags(Paragraph paragraph)
    {
        if (!part.ParagraphTags[paragraph].All(t => t.IsLoopTag))
        {
            return false;
        }

        var texts = new List<OpenXmlLeafTextElement>();
        TemplateNormalizer.CollectOwnTexts(paragraph, texts);
        return texts.All(t => (t.Parent is { } run && part.TagRuns.ContainsKey(run)) || t.Text.Trim().Length == 0)
            && !paragraph.Descendants().Any(d => d is Drawing or Picture or EmbeddedObject);
    }

    private static SectionRegion? InlineRegion(OpenXmlElement container, OpenXmlElement s, OpenXmlElement e, TemplateTag open, TemplateTag close) =>
        Hoist(s, container) && Hoist(e, container) ? new SectionRegion(container, s, e, open, close) : null;

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
}
