namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The data of a chart inserted by a <c>{{%nom}}</c> tag. It becomes a DrawingML chart part with an embedded
/// workbook holding the same figures, so that the chart stays editable in Word ("Modifier les données").
/// </summary>
public sealed record ChartData(ChartKind Kind, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Excel number format of the values (invariant syntax), e.g. <c>#,##0\ "€"</c> or <c>0.0%</c>.</summary>
    public string NumberFormat { get; init; } = "#,##0";

    /// <summary>Gap between the value axis' graduations (0.05 for 5 %); null: chosen by the program that draws it.</summary>
    public decimal? MajorUnit { get; init; }

    public double WidthCm { get; init; } = 16;

    public double HeightCm { get; init; } = 8;

    /// <summary>Alternative text for screen readers.</summary>
    public string? Description { get; init; }
}
