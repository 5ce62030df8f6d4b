namespace Cdppe.Pipeline.Reporting.Templating;

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
