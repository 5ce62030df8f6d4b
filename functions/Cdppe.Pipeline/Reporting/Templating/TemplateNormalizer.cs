using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The first stage of <see cref="PartCompiler"/>. <b>Lexer</b>: per paragraph, the text of all its <c>w:t</c> is
/// joined and tags are found in it (then in its field codes, values only). <b>Normalisation</b>: each tag's text is
/// moved into the first piece where it starts and removed from the others, then the tag gets a run of its own with
/// the formatting of that piece (spelling marks, revision marks, bookmarks and formatting changes inside a tag no
/// longer matter); spelling marks are removed; bookmark names holding tags are split into text and tags.
/// </summary>
internal sealed class TemplateNormalizer
{
    private readonly OpenXmlPartRootElement root;
    private readonly string partUri;
    private readonly bool chartsAllowed;
    private readonly List<TemplateError> errors;
    private readonly Dictionary<OpenXmlElement, TemplateTag> tagRuns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OpenXmlElement, Paragraph> tagParagraphs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TemplateTag, OpenXmlElement> runsByTag = new(ReferenceEqualityComparer.Instance);
    private readonly List<TemplateTag> tags = [];
    private readonly Dictionary<Paragraph, IReadOnlyList<TemplateTag>> paragraphTags = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OpenXmlElement, IReadOnlyList<object>> bookmarkNames = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> keptBookmarkIds = new(StringComparer.Ordinal);

    private TemplateNormalizer(OpenXmlPartRootElement root, string partUri, bool chartsAllowed, List<TemplateError> errors)
    {
        this.root = root;
        this.partUri = partUri;
        this.chartsAllowed = chartsAllowed;
        this.errors = errors;
    }

    /// <summary>Normalises <paramref name="root"/> in place; the problems found are added to <paramref name="errors"/>.</summary>
    public static NormalizedPart Normalize(OpenXmlPartRootElement root, string partUri, bool chartsAllowed, List<TemplateError> errors)
    {
        var normalizer = new TemplateNormalizer(root, partUri, chartsAllowed, errors);
        var paragraphs = root.Descendants<Paragraph>().ToList();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            normalizer.LexAndNormalize(paragraphs[i], i + 1);
        }

        foreach (var proof in root.Descendants<ProofError>().ToList())
        {
            proof.Remove();
        }

        normalizer.CompileBookmarkNames();
        return new NormalizedPart(root, partUri, normalizer.tags, normalizer.tagRuns, normalizer.runsByTag, normalizer.tagParagraphs, normalizer.paragraphTags, normalizer.bookmarkNames, normalizer.keptBookmarkIds);
    }

    /// <summary>
    /// Bookmarks whose name holds value tags (<c>fiche{{numero}}</c>, written by the built-in template, as Word only
    /// lets letters, digits and "_" in names): each rendering gets its own name and id, even inside a loop, so that
    /// <c>PAGEREF fiche{{numero}}</c> fields point to the right page.
    /// </summary>
    private void CompileBookmarkNames()
    {
        foreach (var bookmark in root.Descendants<BookmarkStart>().Where(b => b.Name?.Value?.Contains("{{", StringComparison.Ordinal) == true).ToList())
        {
            var name = bookmark.Name!.Value!;
            var location = new TemplateLocation(partUri, 0, Excerpt(name));
            var lexErrors = new List<LexError>();
            var pieces = new List<object>();
            var position = 0;
            foreach (var lexed in TemplateLexer.Scan(name, lexErrors))
            {
                pieces.Add(name[position..lexed.Start]);
                position = lexed.End;
                if (TagParser.Parse(lexed.Raw, lexed.Content, location, tags.Count, errors) is { } tag)
                {
                    if (tag.Kind != TagKind.Value)
                    {
                        errors.Add(TemplateErrors.NotAValueInBookmarkName(tag));
                        continue;
                    }

                    tags.Add(tag);
                    pieces.Add(tag);
                }
            }

            pieces.Add(name[position..]);
            errors.AddRange(lexErrors.Select(e => TemplateErrors.Delimiter(e, name, location)));
            bookmarkNames[bookmark] = pieces;
            if (bookmark.Id?.Value is { } id)
            {
                keptBookmarkIds.Add(id);
            }
        }
    }

    /// <summary>The tags of a paragraph: in its text (<c>w:t</c>), then in its field codes (<c>w:instrText</c>, values only).</summary>
    private void LexAndNormalize(Paragraph paragraph, int index)
    {
        var texts = new List<OpenXmlLeafTextElement>();
        var codes = new List<OpenXmlLeafTextElement>();
        CollectOwnTexts(paragraph, texts, codes);
        var found = Lex(paragraph, index, texts, fieldCode: false).Concat(Lex(paragraph, index, codes, fieldCode: true)).ToList();
        if (found.Count > 0)
        {
            paragraphTags[paragraph] = found;
        }
    }

    private List<TemplateTag> Lex(Paragraph paragraph, int index, List<OpenXmlLeafTextElement> pieces, bool fieldCode)
    {
        if (pieces.Count == 0)
        {
            return [];
        }

        var texts = pieces.Select(t => t.Text).ToList();
        var joined = string.Concat(texts);
        if (!joined.Contains('{', StringComparison.Ordinal) && !joined.Contains('}', StringComparison.Ordinal))
        {
            return [];
        }

        var location = new TemplateLocation(partUri, index, Excerpt(joined));
        var lexErrors = new List<LexError>();
        var lexed = TemplateLexer.Scan(joined, lexErrors);
        foreach (var e in lexErrors)
        {
            errors.Add(TemplateErrors.Delimiter(e, joined, location));
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
                errors.Add(TemplateErrors.ChartOutsideBody(tag));
                continue;
            }

            if (tag.Kind == TagKind.Text && !chartsAllowed)
            {
                errors.Add(TemplateErrors.PlaceOutsideBody(tag));
                continue;
            }

            if (fieldCode && tag.Kind != TagKind.Value)
            {
                errors.Add(TemplateErrors.NotAValueInFieldCode(tag));
                continue;
            }

            tags.Add(tag);
            found.Add((l, tag));
        }

        if (found.Count == 0)
        {
            return [];
        }

        Relocate(paragraph, pieces, texts, joined, found);
        return found.Select(f => f.Tag).ToList();
    }

    /// <summary>The <c>w:t</c> and <c>w:instrText</c> of a paragraph, not those of paragraphs nested in it (text boxes).</summary>
    internal static void CollectOwnTexts(OpenXmlElement element, List<OpenXmlLeafTextElement> texts, List<OpenXmlLeafTextElement>? codes = null)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph:
                    continue;
                case Text t:
                    texts.Add(t);
                    break;
                case FieldCode code:
                    codes?.Add(code);
                    break;
                default:
                    if (child.HasChildren)
                    {
                        CollectOwnTexts(child, texts, codes);
                    }

                    break;
            }
        }
    }

    /// <summary>Moves each tag's text into the piece where it starts and gives each tag a run of its own.</summary>
    private void Relocate(Paragraph paragraph, List<OpenXmlLeafTextElement> pieces, List<string> texts, string joined, List<(LexedTag Lexed, TemplateTag Tag)> found)
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

    private void Rewrite(Paragraph paragraph, OpenXmlLeafTextElement piece, List<(string Text, TemplateTag? Tag)> segments)
    {
        OpenXmlLeafTextElement Piece(string text)
        {
            var copy = (OpenXmlLeafTextElement)piece.CloneNode(true);
            copy.Text = text;
            copy.SetAttribute(PreserveSpace);
            return copy;
        }

        if (segments.All(s => s.Tag is null))
        {
            var text = string.Concat(segments.Select(s => s.Text));
            if (text != piece.Text)
            {
                piece.Text = text;
                piece.SetAttribute(PreserveSpace);
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
                var tagRun = NewRun([Piece(text)]);
                tagRuns[tagRun] = tag;
                runsByTag[tag] = tagRun;
                tagParagraphs[tagRun] = paragraph;
                replacement.Add(tagRun);
            }
            else if (text.Length > 0)
            {
                replacement.Add(NewRun([Piece(text)]));
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

    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private static string Excerpt(string text)
    {
        var t = text.Replace('\u00A0', ' ').Trim();
        return t.Length <= 80 ? t : t[..77] + "…";
    }
}
