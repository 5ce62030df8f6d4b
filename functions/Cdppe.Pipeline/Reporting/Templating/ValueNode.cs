using System.Collections;

namespace Cdppe.Pipeline.Reporting.Templating;

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
            context.Error(TemplateErrors.NotPrintable(tag));
            return string.Empty;
        }

        foreach (var filter in tag.Filters)
        {
            value = TemplateFilters.Apply(filter, value, out var problem);
            if (problem is not null)
            {
                context.Error(TemplateErrors.FilterFailed(tag, problem));
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
