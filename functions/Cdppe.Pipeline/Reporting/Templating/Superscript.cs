namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The start of a run like <paramref name="runStart"/> in superscript: <c>w:vertAlign</c> inserted in its run
/// properties where the schema puts it (before <c>w:rtl</c>, <c>w:cs</c>, <c>w:em</c>, <c>w:lang</c>…).
/// </summary>
internal static partial class Superscript
{
    private const string VertAlign = "<w:vertAlign w:val=\"superscript\"/>";

    /// <summary>"1 ^{er}" → "1^{er}": an ordinal's letters stick to its number.</summary>
    public static string Attached(string text) => text.Contains("^{", StringComparison.Ordinal) ? SpacedOrdinal().Replace(text, "$1^{") : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d)[ \u00A0]\^\{")]
    private static partial System.Text.RegularExpressions.Regex SpacedOrdinal();

    public static string RunStart(string runStart)
    {
        if (runStart.Contains("<w:vertAlign", StringComparison.Ordinal))
        {
            return VertAlignValue().Replace(runStart, "w:val=\"superscript\"", 1);
        }

        var properties = runStart.IndexOf("<w:rPr", StringComparison.Ordinal);
        if (properties < 0)
        {
            return runStart + "<w:rPr>" + VertAlign + "</w:rPr>";
        }

        if (runStart.IndexOf("<w:rPr/>", StringComparison.Ordinal) is var empty and >= 0)
        {
            return runStart[..empty] + "<w:rPr>" + VertAlign + "</w:rPr>" + runStart[(empty + "<w:rPr/>".Length)..];
        }

        var end = runStart.IndexOf("</w:rPr>", properties, StringComparison.Ordinal);
        var later = LaterProperty().Match(runStart, properties, end - properties);
        var at = later.Success ? later.Index : end;
        return runStart[..at] + VertAlign + runStart[at..];
    }

    [System.Text.RegularExpressions.GeneratedRegex("<w:(?:rtl|cs|em|lang|eastAsianLayout|specVanish|oMath|rPrChange)\\b")]
    private static partial System.Text.RegularExpressions.Regex LaterProperty();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=<w:vertAlign\\s)w:val=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex VertAlignValue();
}
