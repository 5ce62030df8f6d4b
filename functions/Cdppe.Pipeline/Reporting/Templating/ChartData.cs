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

    /// <summary>Gap between the value axis' graduations (0.05 for 5 %); null: chosen by the program that draws it.</summary>
    public decimal? MajorUnit { get; init; }

    public double WidthCm { get; init; } = 16;

    public double HeightCm { get; init; } = 8;

    /// <summary>Alternative text for screen readers.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Number formats that print fr-FR numbers whatever the locale of the program drawing the chart: Word and
/// LibreOffice read a chart's <c>#,##0</c> and <c>0.0%</c> with the separators of the machine's locale ("8,677,102 €",
/// "16.0%" on an English one), so thousands are grouped by literal no-break spaces between digit placeholders and
/// percentages are whole numbers (the value axis of a rate gets graduations of whole percents).
/// </summary>
public static class FrenchChartFormats
{
    private const string Space = "\u00A0";

    /// <summary>8 677 102 €, 839 727 €, 0 €.</summary>
    public const string Euros = "[>=1000000]#\"" + Space + "\"###\"" + Space + "\"##0\"" + Space + "€\";[>=1000]#\"" + Space + "\"##0\"" + Space + "€\";0\"" + Space + "€\"";

    /// <summary>18 418, 734.</summary>
    public const string Count = "[>=1000000]#\"" + Space + "\"###\"" + Space + "\"##0;[>=1000]#\"" + Space + "\"##0;0";

    /// <summary>15 % (the value is a ratio: 0.15).</summary>
    public const string Percent = "0\"" + Space + "\"%";
}
