using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// Values as the exported workbooks write them: numbers as numbers with a display format (Excel shows them with the
/// reader's separators: "16 988", "2,9 %", "839 727 €"), rates as percentages, texts as texts.
/// </summary>
public static class ExportCells
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string EuroFormat = "#,##0 \"€\"";

    public const string CountFormat = "#,##0";

    public const string PercentFormat = "0.0%";

    /// <summary>A figure of an indicator: a percentage, a number or a text; null for none.</summary>
    public static object? Figure(IndicatorFigure? figure) => figure switch
    {
        { Value: { } v, IsPercent: true } => new XlsxNumber((double)v, Decimals(v * 100m) == 0 ? "0%" : "0." + new string('0', Decimals(v * 100m)) + "%"),
        { Value: { } v } => new XlsxNumber((double)v, Decimals(v) == 0 ? CountFormat : "#,##0." + new string('0', Decimals(v))),
        { Text: { Length: > 0 } t } => t,
        _ => null,
    };

    public static XlsxNumber Euros(decimal amount) => new((double)amount, EuroFormat);

    public static XlsxNumber Year(int year) => new(year, "0");

    /// <summary>A date as an Excel serial with the French display "09/10/2020".</summary>
    public static XlsxNumber Date(DateOnly date) => new(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber, "dd/mm/yyyy");

    /// <summary>"30 juin 2022": the last day of a month, in French.</summary>
    public static string EndOfMonth(YearMonth month) =>
        FrenchFormat.Date(new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)));

    /// <summary>The number of decimals a value needs (at most 4).</summary>
    private static int Decimals(decimal value)
    {
        var text = Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }
}
