using System.Globalization;
using System.Text;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>GET /api/snapshots?departement=77&amp;from=2022-01&amp;to=2022-12</c>: one row per indicator and month, as JSON,
/// or as CSV for Excel and Power BI with <c>Accept: text/csv</c> (fr-FR: <c>;</c> separator, decimal comma, UTF-8 BOM).
/// </summary>
public static class SnapshotsApi
{
    private static readonly string[] CsvHeader = ["code", "libelle", "mois", "valeur", "unite", "cible", "statut", "fiable", "import_source", "revision"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/snapshots", async (string? departement, string? from, string? to, HttpRequest request, SnapshotStore store, CancellationToken cancellationToken) =>
        {
            if (!Problems.TryDepartement(departement, out var dep, out var problem))
            {
                return problem!;
            }

            if (!YearMonth.TryParse(from, out var start) || !YearMonth.TryParse(to, out var end) || start > end)
            {
                return Problems.BadRequest("Les paramètres « from » et « to » sont obligatoires, au format AAAA-MM, avec from ≤ to (par exemple from=2022-01&to=2022-12).");
            }

            var rows = await store.RangeAsync(dep.Code, start.Value, end.Value, cancellationToken);
            if (request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
            {
                return Results.File(Csv(rows), "text/csv; charset=utf-8", $"snapshots-{dep.Code}-{start}-{end}.csv");
            }

            return Results.Ok(rows.Select(r => new { r.Code, r.Label, r.Month, r.Value, r.IsPercent, r.Text, r.Target, r.TargetText, r.Status, r.Reliable, r.SourceIngestion, r.Revision }));
        }).WithName("ListSnapshots");

    private static byte[] Csv(IEnumerable<SnapshotEntity> rows)
    {
        var culture = FrenchFormat.Culture;
        var text = new StringBuilder();
        text.AppendJoin(';', CsvHeader).Append("\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.Code, r.Label, r.Month, r.Value?.ToString(culture) ?? r.Text ?? string.Empty, r.IsPercent ? "ratio" : r.Value is null ? string.Empty : "nombre",
                r.Target?.ToString(culture) ?? r.TargetText ?? string.Empty,
                r.Status, r.Reliable ? "oui" : "non", r.SourceIngestion ?? string.Empty, r.Revision.ToString(CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(';', cells.Select(Escape)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Escape(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
