using System.Globalization;
using System.Text;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Monthly snapshots as CSV for Excel and Power BI, the French way: <c>;</c> separator, decimal comma, UTF-8 with a
/// BOM, CRLF. Text that a spreadsheet would run as a formula (a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return: indicator labels come from users' workbooks) is written with a leading
/// apostrophe, as OWASP advises against CSV injection; numbers the export formats itself are written as numbers,
/// rates as percentages (unit <c>%</c>).
/// </summary>
public static class SnapshotCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["code", "libelle", "mois", "valeur", "unite", "cible", "statut", "fiable", "import_source", "revision", "base_statut"];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(IEnumerable<StoredSnapshot> rows)
    {
        var culture = FrenchFormat.Culture;
        var text = new StringBuilder();
        text.AppendJoin(';', Header).Append("\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                Text(r.Code), Text(r.Label), r.Month.ToString(),
                r.Value is { } value ? Number(value, r.IsPercent) : Text(r.Text),
                r.IsPercent ? "%" : r.Value is null ? string.Empty : "nombre",
                r.Target is { } target ? Number(target, r.IsPercent) : Text(r.TargetText),
                r.Status.Label(), r.Reliable ? "oui" : "non", Text(r.SourceIngestion), r.Revision.ToString(CultureInfo.InvariantCulture),
                Text(Basis(r)),
            ];
            text.AppendJoin(';', cells.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// What the row's status compared (<see cref="StatusBasis"/>): the kind is read from the row (a ratio is a rate, a
    /// target in words a milestone, else a count); a value declared unreliable says so.
    /// </summary>
    private static string Basis(StoredSnapshot r)
    {
        if (!r.Reliable && (r.Value is not null || r.Text is not null))
        {
            return "valeur déclarée non fiable";
        }

        var kind = r.IsPercent ? IndicatorKind.Rate : r.Target is null && r.TargetText is not null ? IndicatorKind.Milestone : IndicatorKind.Count;
        return StatusBasis.Of(r.Status, kind, r.Month, r.Target, r.TargetText, r.IsPercent);
    }

    /// <summary>A number, French; a rate (stored as a fraction, 0.039739) as the percentage users read (3,9739), its unit "%".</summary>
    public static string Number(double value, bool percent) =>
        percent ? Math.Round(value * 100, 10).ToString("0.##########", FrenchFormat.Culture) : value.ToString(FrenchFormat.Culture);

    /// <inheritdoc cref="Number(double, bool)"/>
    public static string Number(decimal value, bool percent) =>
        percent ? (value * 100).ToString("0.##########", FrenchFormat.Culture) : value.ToString(FrenchFormat.Culture);

    /// <summary>A text cell, neutralised when a spreadsheet would read it as a formula.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value
        : value;

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
