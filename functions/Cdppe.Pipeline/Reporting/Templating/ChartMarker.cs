namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>The marker drawn at each point of a line chart's series (DrawingML <c>c:symbol</c>).</summary>
public enum ChartMarker
{
    Circle,
    Triangle,
    Diamond,
    Square,

    /// <summary>No marker: a plain line (a target pro rata of the months).</summary>
    None,
}
