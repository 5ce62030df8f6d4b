using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Small helpers shared by the sheet parsers.</summary>
public static class Cells
{
    /// <summary>The trimmed text of a field's cell, or null when the column is absent or the cell blank.</summary>
    public static string? Text(SheetRow row, HeaderMap header, string field) =>
        header.Has(field) && row.Get(header[field]) is { IsEmpty: false } cell ? cell.Display.Trim() : null;

    /// <summary>Same, ignoring values that only come from a merged range started on an earlier row.</summary>
    public static string? OwnText(SheetRow row, HeaderMap header, string field) =>
        header.Has(field) && row.Get(header[field]) is { IsEmpty: false, FromMerge: false } cell ? cell.Display.Trim() : null;

    /// <summary>"Engagement 1 : …", "Conditions pour y parvenir", "Engagement transverse": a banner row that names the engagement of the rows below.</summary>
    public static bool IsEngagementBanner(SheetRow row, out string engagement)
    {
        engagement = string.Empty;
        var own = row.NonEmpty.Where(c => !c.FromMerge).ToList();
        if (own.Count != 1 || own[0].Kind != SheetCellKind.Text)
        {
            return false;
        }

        var text = TextNormalizer.Normalize(own[0].Text);
        if (!text.StartsWith("engagement", StringComparison.Ordinal) && !text.StartsWith("conditions pour y parvenir", StringComparison.Ordinal))
        {
            return false;
        }

        var raw = own[0].Text!.Trim();
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        engagement = colon > 0 ? raw[..colon].Trim() : raw;
        return true;
    }

    /// <summary>"Total", "Total général", "Sous-total", "TOTAL ENGAGEMENT 1": a row that is read and checked, never imported.</summary>
    public static bool IsTotalRow(SheetRow row, int beforeColumn, out bool isSubTotal)
    {
        isSubTotal = false;
        var label = row.NonEmpty.Where(c => c.Column < beforeColumn && c.Kind == SheetCellKind.Text && !c.FromMerge)
            .Select(c => TextNormalizer.Normalize(c.Text))
            .FirstOrDefault(t => t.StartsWith("total", StringComparison.Ordinal) || t.StartsWith("sous-total", StringComparison.Ordinal) || t.StartsWith("sous total", StringComparison.Ordinal));
        if (label is null)
        {
            return false;
        }

        isSubTotal = label.StartsWith("sous", StringComparison.Ordinal);
        return true;
    }

    /// <summary>An integer such as a fiche number (1-999), written as a number or as text ("Fiche 9", "9").</summary>
    public static int? FicheNumber(SheetCell cell)
    {
        if (cell.Kind == SheetCellKind.Number && cell.Number is { } n && n == Math.Floor(n) && n is >= 1 and <= 999)
        {
            return (int)n;
        }

        if (cell.Kind != SheetCellKind.Text)
        {
            return null;
        }

        var digits = Regex.Match(TextNormalizer.Normalize(cell.Text), @"^(?:fiche(?:\s+action)?\s*)?(?:n\s*°|n°|no)?\s*(\d{1,3})$", RegexOptions.CultureInvariant);
        return digits.Success ? int.Parse(digits.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Fiche numbers named in a text: "Fiche action 9 : …", "FICHE ACTION N°18".</summary>
    public static IReadOnlyList<int> FichesIn(string? text) =>
        Regex.Matches(TextNormalizer.Normalize(text), @"fiche(?:\s+action)?\s*(?:n\s*°|n°)?\s*(\d{1,2})\b", RegexOptions.CultureInvariant)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();

    /// <summary>An indicator figure as printed: number (ratio when a percentage), text (milestone, "NC"), or null when blank.</summary>
    public static IndicatorFigure? Figure(ParsedValue value) => value.Status switch
    {
        ValueStatus.Value => new IndicatorFigure(value.Number, value.IsPercent, null),
        ValueStatus.Text or ValueStatus.NotCommunicated => new IndicatorFigure(null, false, value.Text),
        _ => null,
    };
}
