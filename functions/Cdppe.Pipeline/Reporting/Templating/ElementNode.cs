namespace Cdppe.Pipeline.Reporting.Templating;

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
