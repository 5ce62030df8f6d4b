using System.Collections;
using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The format filters of tags, with the fr-FR culture: <c>euros</c> ("839 727 €"), <c>montant</c> (the same, zero
/// printed "- €" as in the départements' financial tables), <c>pourcent</c> (a ratio as
/// "52,1 %"), <c>nombre</c> ("6 322"), <c>date</c> ("25 novembre 2026"), <c>majuscules</c>, <c>minuscules</c> and
/// <c>sinon</c> (a text for empty values). Thousands are separated by no-break spaces.
/// </summary>
public static class TemplateFilters
{
    public static IReadOnlyList<string> Names { get; } = ["euros", "montant", "pourcent", "nombre", "date", "majuscules", "minuscules", "sinon"];

    private static readonly string[] DateStyles = ["long", "court", "mois", "annee"];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Null when the argument suits the filter, else the French reason.</summary>
    public static string? CheckArgument(string name, string? argument) => name switch
    {
        "euros" or "montant" or "pourcent" or "nombre" => argument is null || (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= 6)
            ? null
            : $"l'argument « {argument} » doit être un nombre de décimales entre 0 et 6.",
        "date" => argument is null || DateStyles.Contains(argument, StringComparer.Ordinal)
            ? null
            : $"l'argument « {argument} » doit être l'un de : {string.Join(", ", DateStyles)}.",
        "sinon" => argument is null ? "un texte est attendu, par exemple sinon:\"non renseigné\"." : null,
        _ => argument is null ? null : $"ce filtre ne prend pas d'argument (« {argument} »).",
    };

    /// <summary>Applies a filter; on a value of the wrong kind, returns null and the French reason.</summary>
    public static object? Apply(FilterCall filter, object? value, out string? problem)
    {
        problem = null;
        var decimals = filter.Argument is { } a && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        switch (filter.Name)
        {
            case "sinon":
                return value is null || (value is string s && string.IsNullOrWhiteSpace(s)) ? filter.Argument : value;
            case "majuscules":
                return value is null ? null : Display(value).ToUpper(FrenchFormat.Culture);
            case "minuscules":
                return value is null ? null : Display(value).ToLower(FrenchFormat.Culture);
        }

        if (value is null || (value is string empty && string.IsNullOrWhiteSpace(empty)))
        {
            return null;
        }

        switch (filter.Name)
        {
            case "montant" when TryNumber(value, out var sum) && Math.Round(sum, decimals ?? 0, MidpointRounding.AwayFromZero) == 0:
                return "-\u00A0€";
            case "euros" or "montant" when TryNumber(value, out var amount):
                return decimals is { } d && d > 0 ? FrenchFormat.Number(amount, d) + "\u00A0€" : FrenchFormat.Euros(Math.Round(amount, 0, MidpointRounding.AwayFromZero));
            case "pourcent" when TryNumber(value, out var ratio):
                return FrenchFormat.Percent(ratio, decimals ?? 1);
            case "nombre" when TryNumber(value, out var number):
                return FrenchFormat.Number(number, decimals ?? 0);
            case "date" when TryDate(value, out var date):
                return filter.Argument switch
                {
                    "court" => date.ToString("dd/MM/yyyy", FrenchFormat.Culture),
                    "mois" => date.ToString("MMMM yyyy", FrenchFormat.Culture),
                    "annee" => date.Year.ToString(CultureInfo.InvariantCulture),
                    _ => FrenchFormat.Date(date),
                };
            case "date":
                problem = $"le filtre « date » attend une date, la valeur est « {Display(value)} ».";
                return null;
            default:
                problem = $"le filtre « {filter.Name} » attend un nombre, la valeur est « {Display(value)} ».";
                return null;
        }
    }

    /// <summary>A value printed without filter: decimals in fr-FR ("1 234,5"), integers as they are (years, numbers), dates in full, booleans as oui/non.</summary>
    public static string Display(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "oui" : "non",
        DateOnly d => FrenchFormat.Date(d),
        DateTime dt => FrenchFormat.Date(DateOnly.FromDateTime(dt)),
        DateTimeOffset dto => FrenchFormat.Date(DateOnly.FromDateTime(dto.DateTime)),
        int or long or short => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ when TryNumber(value, out var number) => FrenchFormat.Number(number, number == decimal.Truncate(number) ? 0 : 2),
        IFormattable f => f.ToString(null, FrenchFormat.Culture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>What a section tag tests: false, null, zero, an empty text and an empty list are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        IReadOnlyDictionary<string, object?> => true,
        IEnumerable e => e.GetEnumerator().MoveNext(),
        _ when TryNumber(value, out var number) => number != 0,
        _ => true,
    };

    public static bool TryNumber(object? value, out decimal number)
    {
        switch (value)
        {
            case decimal m:
                number = m;
                return true;
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case short s:
                number = s;
                return true;
            case double d when double.IsFinite(d):
                number = (decimal)d;
                return true;
            case float f when float.IsFinite(f):
                number = (decimal)f;
                return true;
            case string text:
                return decimal.TryParse(text.Replace('\u00A0', ' ').Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    private static bool TryDate(object value, out DateOnly date)
    {
        switch (value)
        {
            case DateOnly d:
                date = d;
                return true;
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case DateTimeOffset dto:
                date = DateOnly.FromDateTime(dto.DateTime);
                return true;
            case string s:
                return DateOnly.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            default:
                date = default;
                return false;
        }
    }
}
