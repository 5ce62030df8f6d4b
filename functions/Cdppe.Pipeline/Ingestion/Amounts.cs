using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Reads euro amounts with the same rules everywhere: negative, &gt; 10^12, text and formula errors are errors with their cell.</summary>
public static partial class Amounts
{
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>
    /// Reads an amount; a blank cell is <paramref name="blank"/>. Returns false (and records the error) when the cell
    /// holds something that is not an acceptable amount.
    /// </summary>
    public static bool TryRead(SheetCell cell, string what, string sheet, IssueList issues, out decimal? amount, decimal? blank = 0m)
    {
        amount = null;
        var value = CellValueParser.Parse(cell);
        switch (value.Status)
        {
            case ValueStatus.Blank:
                amount = blank;
                return true;
            case ValueStatus.Value when value.Number < 0:
                issues.Add(IngestionMessages.NegativeAmount(what, sheet, cell));
                return false;
            case ValueStatus.Value when value.Number > Max:
                issues.Add(IngestionMessages.AmountOverLimit(what, sheet, cell));
                return false;
            case ValueStatus.Value when value.IsPercent:
                issues.Add(IngestionMessages.PercentAsAmount(what, sheet, cell));
                return false;
            case ValueStatus.Value:
                amount = value.Number!.Value;
                return true;
            case ValueStatus.Error:
                issues.Add(IngestionMessages.AmountFormulaError(what, sheet, cell));
                return false;
            default:
                issues.Add(IngestionMessages.UnreadableAmount(what, sheet, cell));
                return false;
        }
    }

    /// <summary>The first euro amount written in a text ("Total : 1 886 914 €", "437 757€ (52%)").</summary>
    public static decimal? FirstIn(string? text)
    {
        var match = EuroPattern().Match(text ?? string.Empty);
        return match.Success && CellValueParser.ParseText(match.Groups[1].Value) is { Status: ValueStatus.Value, Number: { } n } ? n : null;
    }

    [GeneratedRegex(@"(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:,\d+)?\s*€", RegexOptions.CultureInvariant)]
    private static partial Regex EuroPattern();
}
