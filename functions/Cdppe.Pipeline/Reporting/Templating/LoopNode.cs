using System.Collections;

namespace Cdppe.Pipeline.Reporting.Templating;

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

    private void RenderBody(RenderContext context, object? scope, bool push) => Walk(context, scope, push, render: true);

    private void ValidateBody(RenderContext context, object? scope, bool push) => Walk(context, scope, push, render: false);

    /// <summary>
    /// The body once, with <paramref name="scope"/> as innermost scope when <paramref name="push"/>: rendered, or
    /// only validated (the part not shown: its names are still checked, so that errors never depend on the data).
    /// </summary>
    private void Walk(RenderContext context, object? scope, bool push, bool render)
    {
        if (push)
        {
            context.Scopes.Add(scope);
        }

        foreach (var node in Body)
        {
            if (render)
            {
                node.Render(context);
            }
            else
            {
                node.Validate(context);
            }
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
