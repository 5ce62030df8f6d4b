using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdppe.Pipeline.Model;

/// <summary>Years read from header or title text: "Budget consommé en 2022", "au 31/12/2021", "2020 2021 2022", "2020-2022".</summary>
public static partial class Years
{
    /// <summary>The first year the pipeline accepts anywhere (a header, a period, a request).</summary>
    public const int First = 2000;

    /// <summary>The last year the pipeline accepts.</summary>
    public const int Last = 2100;

    /// <summary>Whether a number can be a year of a contract: <see cref="First"/> to <see cref="Last"/>.</summary>
    public static bool IsPlausible(int year) => year is >= First and <= Last;

    public static IReadOnlyList<int> In(string? text) =>
        YearPattern().Matches(text ?? string.Empty).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Where(IsPlausible).Distinct().ToList();

    /// <summary>The single year of a text, or null when it has none or several.</summary>
    public static int? OnlyOne(string? text) => In(text) is [var y] ? y : null;

    /// <summary>"2020-2022" → 2020..2022; "2020, 2021 et 2022" → those years.</summary>
    public static IReadOnlyList<int> Span(string? text)
    {
        var range = RangePattern().Match(text ?? string.Empty);
        if (range.Success)
        {
            var from = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            if (to >= from && to - from <= 10)
            {
                return Enumerable.Range(from, to - from + 1).ToList();
            }
        }

        return In(text);
    }

    /// <summary>"au 31/12/2022" → 2022.</summary>
    public static int? AtEndOf(string? text)
    {
        var match = EndOfYearPattern().Match(text ?? string.Empty);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    public static string Label(IReadOnlyCollection<int> years) => years.Count switch
    {
        0 => string.Empty,
        1 => years.First().ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{years.Min()}-{years.Max()}"),
    };

    [GeneratedRegex(@"(?<!\d)20\d\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<!\d)(20\d\d)\s*[-–à]\s*(20\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"31\s*/\s*12\s*/\s*(20\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfYearPattern();
}
