namespace Cdppe.Pipeline.Reporting.Templating;

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
