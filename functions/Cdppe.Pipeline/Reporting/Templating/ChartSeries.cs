namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>One series of a chart: a name and one value per category (null: no value).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, string Color)
{
    /// <summary>The marker of each point of a line chart (a bar chart has none).</summary>
    public ChartMarker Marker { get; init; } = ChartMarker.Circle;

    /// <summary>A dashed line between the points of a line chart, to set a series apart (values declared unreliable).</summary>
    public bool Dashed { get; init; }
}
