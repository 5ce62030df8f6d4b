using System.Collections;
using System.Text;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>What an element is at block level, to keep the output valid (a cell ends with a paragraph, a table has rows).</summary>
internal enum BlockKind
{
    None,
    Paragraph,
    Table,
    Row,
    Cell,
    Other,
}

/// <summary>
/// A compiled template is a tree of nodes: static XML text, elements that hold tags, values, charts and loops.
/// Nodes are immutable once compiled, so one compiled template renders on many threads at once.
/// </summary>
internal abstract class Node
{
    public abstract void Render(RenderContext context);

    /// <summary>Checks the names of a part that is not rendered (empty loop, false condition) so that errors never depend on the data.</summary>
    public abstract void Validate(RenderContext context);

    /// <summary>Whether this node prints something that does not depend on a loop (text, drawing, value).</summary>
    public abstract bool HasFixedContent { get; }
}

internal sealed class StaticNode(string xml, BlockKind kind, bool visible, int rows) : Node
{
    public string Xml { get; } = xml;

    public BlockKind Kind { get; } = kind;

    public bool Visible { get; } = visible;

    public int Rows { get; } = rows;

    public override bool HasFixedContent => Visible;

    public static StaticNode Merge(StaticNode a, StaticNode b) =>
        new(a.Xml + b.Xml, b.Kind == BlockKind.None ? a.Kind : b.Kind, a.Visible || b.Visible, a.Rows + b.Rows);

    public override void Render(RenderContext context)
    {
        context.Output.Append(Xml);
        context.Frame.Report(Kind, Visible, Rows);
    }

    public override void Validate(RenderContext context)
    {
    }
}

/// <summary>An element holding tags: its start tag, its children, its end tag; paragraphs that held only section tags disappear when empty.</summary>
internal sealed class ElementNode(string start, IReadOnlyList<Node> children, string end, BlockKind kind, bool collapsible, string emptyParagraph) : Node
{
    public IReadOnlyList<Node> Children { get; } = children;

    public override bool HasFixedContent => Children.Any(c => c.HasFixedContent);

    public override void Render(RenderContext context)
    {
        // A table without rows and a paragraph that held only section tags disappear: their output is held until
        // they are sure to stay (a first row, a first visible content), not until their end.
        var output = context.Output;
        var mayVanish = kind == BlockKind.Table || collapsible;
        var mark = mayVanish ? output.Hold() : 0;
        output.Append(start);
        var frame = context.PushFrame();
        if (mayVanish)
        {
            frame.HoldUntilKept(output, needsRows: kind == BlockKind.Table, needsVisible: collapsible);
        }

        foreach (var child in Children)
        {
            child.Render(context);
        }

        context.PopFrame();
        if (frame.Holding)
        {
            output.TakeBack(mark);
            return;
        }

        if (kind == BlockKind.Cell && frame.Last is BlockKind.None or BlockKind.Table)
        {
            output.Append(emptyParagraph);
        }

        output.Append(end);
        context.Frame.Report(kind, frame.Visible, kind == BlockKind.Row ? 1 : 0);
    }

    public override void Validate(RenderContext context)
    {
        foreach (var child in Children)
        {
            child.Validate(context);
        }
    }
}

/// <summary>A value tag: replaced by its formatted, escaped text in a run with the tag's formatting.</summary>
internal sealed class ValueNode(TemplateTag tag, string runStart, string runEnd) : Node
{
    private const string TextStart = "<w:t xml:space=\"preserve\">";
    private const string TextEnd = "</w:t>";

    public TemplateTag Tag { get; } = tag;

    /// <summary>The tag is in a field code (<c>PAGEREF fiche{{numero}} \h</c>): its value goes into a <c>w:instrText</c>.</summary>
    public bool InFieldCode { get; init; }

    /// <summary>
    /// When the tag is alone in its paragraph: what closes the paragraph and opens an identical one, so that each
    /// line of a multi-line value becomes a paragraph with the same style. Null: lines are separated by breaks.
    /// </summary>
    public string? ParagraphBreak { get; set; }

    public override bool HasFixedContent => true;

    /// <summary>The tag's value, filtered and displayed as text; empty (with an error reported) when it cannot be printed.</summary>
    public static string Format(TemplateTag tag, RenderContext context)
    {
        if (!context.TryResolve(tag, out var value))
        {
            return string.Empty;
        }

        if (value is IReadOnlyDictionary<string, object?> || (value is IEnumerable && value is not string) || value is ChartData)
        {
            context.Error("type-invalide", tag, $"La balise {tag.Raw} désigne une liste, un objet ou un graphique : utilisez {{{{#{tag.PathText}}}}}…{{{{/{tag.PathText}}}}} ou {{{{%{tag.PathText}}}}}.");
            return string.Empty;
        }

        foreach (var filter in tag.Filters)
        {
            value = TemplateFilters.Apply(filter, value, out var problem);
            if (problem is not null)
            {
                context.Error("type-invalide", tag, $"Balise {tag.Raw} : {problem}");
                return string.Empty;
            }
        }

        return TemplateFilters.Display(value);
    }

    public override void Render(RenderContext context)
    {
        var text = Format(Tag, context);
        if (text.Length == 0)
        {
            return;
        }

        var output = context.Output;
        if (!InFieldCode)
        {
            text = Superscript.Attached(text);
        }

        if (InFieldCode)
        {
            output.Append(runStart).Append("<w:instrText xml:space=\"preserve\">");
            output.AppendEscaped(text.Replace('\n', ' ').Replace('\t', ' '), attribute: false);
            output.Append("</w:instrText>").Append(runEnd);
            return;
        }

        output.Append(runStart).Append(TextStart);
        if (ParagraphBreak is not null && text.Contains('\n', StringComparison.Ordinal))
        {
            var first = true;
            foreach (var range in text.AsSpan().Split('\n'))
            {
                var line = text.AsSpan()[range].TrimEnd("\r ");
                if (line.Trim().IsEmpty)
                {
                    continue;
                }

                if (!first)
                {
                    output.Append(TextEnd).Append(runEnd).Append(ParagraphBreak).Append(runStart).Append(TextStart);
                }

                AppendText(output, line, lineBreak: false);
                first = false;
            }
        }
        else
        {
            AppendText(output, text, lineBreak: true);
        }

        output.Append(TextEnd).Append(runEnd);
        context.Frame.Report(BlockKind.None, visible: text.Trim().Length > 0, 0);
    }

    /// <summary>"^{er}" at <paramref name="i"/>: a caret, a brace, up to 6 characters and a closing brace.</summary>
    private static bool IsSuperscriptAt(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && text[i] == '^' && text[i + 1] == '{' && text[(i + 2)..].IndexOf('}') is var length && length > 0 && length <= 6;

    private static string SuperscriptRunStart(string runStart) => Superscript.RunStart(runStart);

    private void AppendText(RenderOutput output, ReadOnlySpan<char> text, bool lineBreak)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\t' or '\r') && !IsSuperscriptAt(text, i))
            {
                continue;
            }

            output.AppendEscaped(text[start..i], attribute: false);
            if (i < text.Length && text[i] == '^')
            {
                // The ordinals of the source ("1^{er}", "4^{ème}"): a run of their own, in superscript.
                var close = i + 2 + text[(i + 2)..].IndexOf('}');
                output.Append(TextEnd).Append(runEnd).Append(SuperscriptRunStart(runStart)).Append(TextStart);
                output.AppendEscaped(text[(i + 2)..close], attribute: false);
                output.Append(TextEnd).Append(runEnd).Append(runStart).Append(TextStart);
                i = close;
                start = close + 1;
                continue;
            }

            if (i < text.Length)
            {
                switch (text[i])
                {
                    case '\t':
                        output.Append(TextEnd).Append("<w:tab/>").Append(TextStart);
                        break;
                    case '\n':
                        output.Append(TextEnd).Append(lineBreak ? "<w:br/>" : " ").Append(TextStart);
                        break;
                }
            }

            start = i + 1;
        }
    }

    public override void Validate(RenderContext context) => context.TryResolve(Tag, out _);
}

/// <summary>
/// The start of a run like <paramref name="runStart"/> in superscript: <c>w:vertAlign</c> inserted in its run
/// properties where the schema puts it (before <c>w:rtl</c>, <c>w:cs</c>, <c>w:em</c>, <c>w:lang</c>…).
/// </summary>
internal static partial class Superscript
{
    private const string VertAlign = "<w:vertAlign w:val=\"superscript\"/>";

    /// <summary>"1 ^{er}" → "1^{er}": an ordinal's letters stick to its number.</summary>
    public static string Attached(string text) => text.Contains("^{", StringComparison.Ordinal) ? SpacedOrdinal().Replace(text, "$1^{") : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)[ \u00A0]\^\{")]
    private static partial System.Text.RegularExpressions.Regex SpacedOrdinal();

    public static string RunStart(string runStart)
    {
        if (runStart.Contains("<w:vertAlign", StringComparison.Ordinal))
        {
            return VertAlignValue().Replace(runStart, "w:val=\"superscript\"", 1);
        }

        var properties = runStart.IndexOf("<w:rPr", StringComparison.Ordinal);
        if (properties < 0)
        {
            return runStart + "<w:rPr>" + VertAlign + "</w:rPr>";
        }

        if (runStart.IndexOf("<w:rPr/>", StringComparison.Ordinal) is var empty and >= 0)
        {
            return runStart[..empty] + "<w:rPr>" + VertAlign + "</w:rPr>" + runStart[(empty + "<w:rPr/>".Length)..];
        }

        var end = runStart.IndexOf("</w:rPr>", properties, StringComparison.Ordinal);
        var later = LaterProperty().Match(runStart, properties, end - properties);
        var at = later.Success ? later.Index : end;
        return runStart[..at] + VertAlign + runStart[at..];
    }

    [System.Text.RegularExpressions.GeneratedRegex("<w:(?:rtl|cs|em|lang|eastAsianLayout|specVanish|oMath|rPrChange)\\b")]
    private static partial System.Text.RegularExpressions.Regex LaterProperty();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=<w:vertAlign\\s)w:val=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex VertAlignValue();
}

/// <summary>
/// A bookmark whose name holds value tags: rendered with the name its tags give, letters, digits and "_" only, at
/// most 40 characters (Word's rules). Ids are made unique in the part as it is written (see
/// <see cref="IdRenumbering"/>).
/// </summary>
internal sealed class BookmarkNode(string element, string id, IReadOnlyList<object> name) : Node
{
    public override bool HasFixedContent => false;

    public override void Render(RenderContext context)
    {
        var text = new StringBuilder();
        foreach (var piece in name)
        {
            text.Append(piece is TemplateTag tag ? ValueNode.Format(tag, context) : (string)piece);
        }

        var clean = new string(text.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        clean = clean.Length == 0 || !char.IsAsciiLetter(clean[0]) ? "S" + clean : clean;
        context.Output.Append('<').Append(element).Append(" w:id=\"").Append(id).Append("\" w:name=\"").Append(clean.Length > 40 ? clean[..40] : clean).Append("\"/>");
    }

    public override void Validate(RenderContext context)
    {
        foreach (var tag in name.OfType<TemplateTag>())
        {
            context.TryResolve(tag, out _);
        }
    }
}

/// <summary>A chart tag: a run holding an inline drawing that points to a new chart part.</summary>
internal sealed class ChartNode(TemplateTag tag, string runStart, string runEnd) : Node
{
    public TemplateTag Tag { get; } = tag;

    public override bool HasFixedContent => true;

    public override void Render(RenderContext context)
    {
        if (!context.TryResolve(Tag, out var value) || value is null)
        {
            return;
        }

        if (value is not ChartData chart)
        {
            context.Error("type-invalide", Tag, $"La balise {Tag.Raw} attend un graphique ; la valeur « {TemplateFilters.Display(value)} » n'en est pas un.");
            return;
        }

        var relationshipId = context.AddChart(chart);
        context.Output.Append(runStart).Append(ChartWriter.InlineDrawing(relationshipId, chart)).Append(runEnd);
        context.Frame.Report(BlockKind.None, visible: true, 0);
    }

    public override void Validate(RenderContext context) => context.TryResolve(Tag, out _);
}

/// <summary>A section: a loop over a list, a condition (once, with an object as scope), or its negation.</summary>
internal sealed class LoopNode(TemplateTag open, IReadOnlyList<Node> body) : Node
{
    public TemplateTag Open { get; } = open;

    public IReadOnlyList<Node> Body { get; } = body;

    /// <summary>A page-break run written once after the last item, inside its last paragraph (or alone when nothing is rendered).</summary>
    public string? TrailingPageBreak { get; init; }

    public string? ParagraphStart { get; init; }

    public string? ParagraphEnd { get; init; }

    public override bool HasFixedContent => false;

    public override void Render(RenderContext context)
    {
        var output = context.Output;
        var mark = output.Length;
        RenderItems(context);
        if (TrailingPageBreak is null)
        {
            return;
        }

        var end = ParagraphEnd!;
        if (output.Length > mark && output.EndsWith(end))
        {
            output.InsertBeforeEnd(end.Length, TrailingPageBreak);
        }
        else
        {
            output.Append(ParagraphStart).Append(TrailingPageBreak).Append(end);
            context.Frame.Report(BlockKind.Paragraph, visible: true, 0);
        }
    }

    private void RenderItems(RenderContext context)
    {
        if (!context.TryResolve(Open, out var value))
        {
            return;
        }

        if (Open.Kind == TagKind.Inverted)
        {
            if (TemplateFilters.IsTruthy(value))
            {
                ValidateBody(context, null, push: false);
            }
            else
            {
                RenderBody(context, null, push: false);
            }

            return;
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> scope:
                RenderBody(context, scope, push: true);
                break;
            case IEnumerable items and not string:
                var any = false;
                foreach (var item in items)
                {
                    any = true;
                    RenderBody(context, item, push: true);
                }

                if (!any)
                {
                    if (value is TemplateList { Shape: { } shape })
                    {
                        ValidateBody(context, shape, push: true);
                    }
                }

                break;
            case bool b:
                if (b)
                {
                    RenderBody(context, null, push: false);
                }
                else
                {
                    ValidateBody(context, null, push: false);
                }

                break;
            default:
                if (TemplateFilters.IsTruthy(value))
                {
                    RenderBody(context, value, push: true);
                }
                else
                {
                    ValidateBody(context, null, push: false);
                }

                break;
        }
    }

    private void RenderBody(RenderContext context, object? scope, bool push)
    {
        if (push)
        {
            context.Scopes.Add(scope);
        }

        foreach (var node in Body)
        {
            node.Render(context);
        }

        if (push)
        {
            context.Scopes.RemoveAt(context.Scopes.Count - 1);
        }
    }

    private void ValidateBody(RenderContext context, object? scope, bool push)
    {
        if (push)
        {
            context.Scopes.Add(scope);
        }

        foreach (var node in Body)
        {
            node.Validate(context);
        }

        if (push)
        {
            context.Scopes.RemoveAt(context.Scopes.Count - 1);
        }
    }

    public override void Validate(RenderContext context)
    {
        if (!context.TryResolve(Open, out var value))
        {
            return;
        }

        object? scope = value switch
        {
            IReadOnlyDictionary<string, object?> d => d,
            TemplateList { Count: 0, Shape: { } shape } => shape,
            IEnumerable e and not string => e.Cast<object?>().FirstOrDefault(),
            _ => null,
        };
        if (value is IEnumerable and not string and not IReadOnlyDictionary<string, object?> && scope is null)
        {
            // An empty list without a shape: nothing is known of its items.
            return;
        }

        ValidateBody(context, scope, push: scope is not null && Open.Kind != TagKind.Inverted);
    }
}

/// <summary>What the renderer knows at a level of the output: the last block written, rows written, visible content.</summary>
internal sealed class Frame
{
    public BlockKind Last { get; private set; }

    public int Rows { get; private set; }

    public bool Visible { get; private set; }

    /// <summary>Whether the output of this level is still held (<see cref="HoldUntilKept"/>): it has not shown what keeps it.</summary>
    public bool Holding => held is not null;

    private RenderOutput? held;
    private bool needsRows;
    private bool needsVisible;

    /// <summary>The innermost hold of <paramref name="output"/> is released as soon as this level has a row (and/or visible content).</summary>
    public void HoldUntilKept(RenderOutput output, bool needsRows, bool needsVisible)
    {
        held = output;
        this.needsRows = needsRows;
        this.needsVisible = needsVisible;
    }

    public void Report(BlockKind kind, bool visible, int rows)
    {
        if (kind != BlockKind.None)
        {
            Last = kind;
        }

        Visible |= visible;
        Rows += rows;

        // Reported by a child that is complete: the innermost hold of the output is this level's.
        if (held is not null && (!needsRows || Rows > 0) && (!needsVisible || Visible))
        {
            held.Release();
            held = null;
        }
    }
}

/// <summary>A list that can describe its items when it is empty, so that tags inside an empty loop are still checked.</summary>
public sealed class TemplateList(IReadOnlyList<object?> items, IReadOnlyDictionary<string, object?>? shape = null) : IReadOnlyList<object?>
{
    public IReadOnlyDictionary<string, object?>? Shape { get; } = shape;

    public int Count => items.Count;

    public object? this[int index] => items[index];

    public IEnumerator<object?> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
