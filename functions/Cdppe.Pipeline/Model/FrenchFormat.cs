using System.Globalization;

namespace Cdppe.Pipeline.Model;

/// <summary>fr-FR formats of what users read: "839 727 €", "52,1 %", "25 novembre 2026". Thousands use a no-break space.</summary>
public static class FrenchFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public static string Euros(decimal value) => Group(value.ToString("N0", Culture)) + "\u00A0€";

    public static string Number(decimal value, int decimals = 0) => Group(value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture));

    /// <summary>A ratio (0.521) as a percentage with one decimal ("52,1 %").</summary>
    public static string Percent(decimal ratio, int decimals = 1) => Number(ratio * 100m, decimals) + "\u00A0%";

    /// <summary>"25 novembre 2026", "1er décembre 2026" (the first of the month is an ordinal in French).</summary>
    public static string Date(DateOnly date) => (date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture)) + date.ToString(" MMMM yyyy", Culture);

    private static string Group(string text) => text.Replace('\u202F', '\u00A0').Replace(' ', '\u00A0');
}
