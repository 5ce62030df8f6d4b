namespace Cdppe.Pipeline.Reporting.Templating;

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
