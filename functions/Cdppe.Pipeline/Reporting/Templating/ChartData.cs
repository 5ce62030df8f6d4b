namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>The kinds of native Word charts the engine writes.</summary>
public enum ChartKind
{
    /// <summary>Horizontal clustered bars (one bar per series for each category).</summary>
    Bar,

    /// <summary>Lines with markers; a missing value is a gap.</summary>
    Line,
}

/// <summary>One series of a chart: a name and one value per category (null: no value).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, string Color);

/// <summary>
/// The data of a chart inserted by a <c>{{%nom}}</c> tag. It becomes a DrawingML chart part with an embedded
/// workbook holding the same figures, so that the chart stays editable in Word ("Modifier les données").
/// </summary>
public sealed record ChartData(ChartKind Kind, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Excel number format of the values (invariant syntax), e.g. <c>#,##0\ "€"</c> or <c>0.0%</c>.</summary>
    public string NumberFormat { get; init; } = "#,##0";

    public double WidthCm { get; init; } = 16;

    public double HeightCm { get; init; } = 8;

    /// <summary>Alternative text for screen readers.</summary>
    public string? Description { get; init; }
}
