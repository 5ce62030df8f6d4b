namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>One series of a chart: a name and one value per category (null: no value).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, string Color);
