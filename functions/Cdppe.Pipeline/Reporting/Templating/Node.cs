namespace Cdppe.Pipeline.Reporting.Templating;

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
