namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>The kinds of native Word charts the engine writes.</summary>
public enum ChartKind
{
    /// <summary>Horizontal clustered bars (one bar per series for each category).</summary>
    Bar,

    /// <summary>Lines with markers; a missing value is a gap.</summary>
    Line,
}
