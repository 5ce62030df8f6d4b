using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Reads euro amounts with the same rules everywhere: negative, &gt; 10^12, text and formula errors are errors with their cell.</summary>
public static partial class Amounts
{
    public const decimal Max = 1_000_000_000_000m;

    public const string Expected = "un montant en euros, par exemple « 839 727 € » ou « - € »";

    /// <summary>
    /// Reads an amount; a blank cell is <paramref name="blank"/>. Returns false (and records the error) when the cell
    /// holds something that is not an acceptable amount.
    /// </summary>
    public static bool TryRead(XlsxCell cell, string what, string sheet, IssueList issues, out decimal? amount, decimal? blank = 0m)
    {
        amount = null;
        var value = CellValueParser.Parse(cell);
        switch (value.Status)
        {
            case ValueStatus.Blank:
                amount = blank;
                return true;
            case ValueStatus.Value when value.Number < 0:
                issues.Error("montant-negatif", $"Le montant {what} est négatif.", sheet, cell.Reference, cell.Display, "un montant positif ou nul");
                return false;
            case ValueStatus.Value when value.Number > Max:
                issues.Error("montant-hors-limite", $"Le montant {what} dépasse 1 000 milliards d'euros.", sheet, cell.Reference, cell.Display, "un montant inférieur à 10^12 €");
                return false;
            case ValueStatus.Value when value.IsPercent:
                issues.Error("montant-illisible", $"Le montant {what} est un pourcentage.", sheet, cell.Reference, cell.Display, Expected);
                return false;
            case ValueStatus.Value:
                amount = value.Number!.Value;
                return true;
            case ValueStatus.Error:
                issues.Error("formule-en-erreur", $"La cellule du montant {what} contient une erreur de formule.", sheet, cell.Reference, cell.Display, Expected);
                return false;
            default:
                issues.Error("montant-illisible", $"Le montant {what} n'est pas un nombre.", sheet, cell.Reference, cell.Display, Expected);
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

/// <summary>Small helpers shared by the sheet parsers.</summary>
public static class Cells
{
    /// <summary>The trimmed text of a field's cell, or null when the column is absent or the cell blank.</summary>
    public static string? Text(XlsxRow row, HeaderMap header, string field) =>
        header.Has(field) && row.Get(header[field]) is { IsEmpty: false } cell ? cell.Display.Trim() : null;

    /// <summary>Same, ignoring values that only come from a merged range started on an earlier row.</summary>
    public static string? OwnText(XlsxRow row, HeaderMap header, string field) =>
        header.Has(field) && row.Get(header[field]) is { IsEmpty: false, FromMerge: false } cell ? cell.Display.Trim() : null;

    /// <summary>"Engagement 1 : …", "Conditions pour y parvenir", "Engagement transverse": a banner row that names the engagement of the rows below.</summary>
    public static bool IsEngagementBanner(XlsxRow row, out string engagement)
    {
        engagement = string.Empty;
        var own = row.NonEmpty.Where(c => !c.FromMerge).ToList();
        if (own.Count != 1 || own[0].Kind != XlsxCellKind.Text)
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
    public static bool IsTotalRow(XlsxRow row, int beforeColumn, out bool isSubTotal)
    {
        isSubTotal = false;
        var label = row.NonEmpty.Where(c => c.Column < beforeColumn && c.Kind == XlsxCellKind.Text && !c.FromMerge)
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
    public static int? FicheNumber(XlsxCell cell)
    {
        if (cell.Kind == XlsxCellKind.Number && cell.Number is { } n && n == Math.Floor(n) && n is >= 1 and <= 999)
        {
            return (int)n;
        }

        if (cell.Kind != XlsxCellKind.Text)
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
