using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cdppe.Pipeline.Model;

/// <summary>A calendar month, written "AAAA-MM" as in the suivi-mensuel workbook and the API.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public YearMonth Next() => Month == 12 ? new YearMonth(Year + 1, 1) : new YearMonth(Year, Month + 1);

    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + Month - 1 + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    public YearMonth Previous() => Month == 1 ? new YearMonth(Year - 1, 12) : new YearMonth(Year, Month - 1);

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    public static YearMonth From(DateTime date) => new(date.Year, date.Month);

    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var m = from; m <= to; m = m.Next())
        {
            yield return m;
        }
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out YearMonth? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        var parts = s.Split('-', '/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
        {
            var (year, month) = parts[0].Length == 4 ? (a, b) : (b, a);
            if (Years.IsPlausible(year) && month is >= 1 and <= 12)
            {
                value = new YearMonth(year, month);
                return true;
            }
        }

        return false;
    }
}
