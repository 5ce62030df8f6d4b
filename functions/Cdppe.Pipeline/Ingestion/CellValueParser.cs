using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Reads the French cell values of the seeds: "839 727 €", "- €", "2,90%", "NC", numbers with their format.</summary>
public static partial class CellValueParser
{
    public static ParsedValue Parse(SheetCell cell)
    {
        switch (cell.Kind)
        {
            case SheetCellKind.Empty:
                return ParsedValue.Blank;
            case SheetCellKind.Error:
                return new ParsedValue(ValueStatus.Error, null, false, cell.Text);
            case SheetCellKind.Number:
                var percent = cell.NumberFormat?.Contains('%', StringComparison.Ordinal) ?? false;
                return ToDecimal(cell.Number!.Value) is { } number
                    ? new ParsedValue(ValueStatus.Value, number, percent, null)
                    : new ParsedValue(ValueStatus.Text, null, false, cell.Display);
            case SheetCellKind.Boolean:
                return new ParsedValue(ValueStatus.Text, null, false, cell.Text);
            default:
                return ParseText(cell.Text);
        }
    }

    public static ParsedValue ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedValue.Blank;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('#') && trimmed.EndsWith('!') || trimmed is "#N/A" or "#NAME?" or "#N/D")
        {
            return new ParsedValue(ValueStatus.Error, null, false, trimmed);
        }

        if (!GroupsAreThousands(trimmed))
        {
            // "0 10", "100 30": two values in one cell, not a number with thousands separators.
            return new ParsedValue(ValueStatus.Text, null, false, trimmed);
        }

        var compact = new StringBuilder(trimmed.Length);
        foreach (var ch in trimmed)
        {
            if (!char.IsWhiteSpace(ch) && ch is not '\u00A0' and not '\u202F' and not '€')
            {
                compact.Append(ch);
            }
        }

        var s = compact.ToString();
        if (s.Equals("NC", StringComparison.OrdinalIgnoreCase) || s.Equals("N.C.", StringComparison.OrdinalIgnoreCase))
        {
            return new ParsedValue(ValueStatus.NotCommunicated, null, false, trimmed);
        }

        if (s is "-" or "--" or "" && trimmed.Contains('€', StringComparison.Ordinal) || s == "-")
        {
            return new ParsedValue(ValueStatus.Value, 0m, false, null);
        }

        var isPercent = s.EndsWith('%');
        if (isPercent)
        {
            s = s[..^1];
        }

        if (TryParseNumber(s, out var number))
        {
            return new ParsedValue(ValueStatus.Value, isPercent ? number / 100m : number, isPercent, null);
        }

        return new ParsedValue(ValueStatus.Text, null, false, trimmed);
    }

    /// <summary>Digits separated by spaces must be thousands groups: "16 988" and "1 027 000 €" are, "0 10" is not.</summary>
    private static bool GroupsAreThousands(string text)
    {
        if (!SpacedDigits().IsMatch(text))
        {
            return true;
        }

        var core = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal).Trim(' ', '\u00A0', '\u202F');
        return ThousandsGroups().IsMatch(core);
    }

    [GeneratedRegex(@"\d[ \u00A0\u202F]+\d", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDigits();

    [GeneratedRegex(@"^-?[1-9]\d{0,2}(?:[ \u00A0\u202F]\d{3})+(?:[,.]\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsGroups();

    /// <summary>Parses "1234,5", "1.234,5", "1,234.5" and "100.000" (a dot followed by exactly three digits is a thousands separator).</summary>
    private static bool TryParseNumber(string s, out decimal number)
    {
        number = 0;
        if (s.Length == 0 || s.Count(c => c is ',') > 1 && !s.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string normalized;
        if (lastComma >= 0 && lastDot >= 0)
        {
            normalized = lastComma > lastDot ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastComma >= 0)
        {
            normalized = s.Replace(',', '.');
        }
        else if (lastDot >= 0 && s.Length - lastDot - 1 == 3 && !s.StartsWith("0.", StringComparison.Ordinal))
        {
            normalized = s.Replace(".", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            normalized = s;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static decimal? ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e20 ? Math.Round((decimal)value, 6) : null;
}
