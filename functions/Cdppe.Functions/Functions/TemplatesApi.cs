using System.Globalization;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>GET /api/templates/{kind}?departement=77[&amp;annee=2022]</c>: a blank input workbook for a kind; the
/// <c>suivi-mensuel</c> one is pre-filled with the département's indicators (département required).
/// </summary>
public static class TemplatesApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/templates/{kind}", async (string kind, string? departement, string? annee, IngestionStore ingestions, IndicatorStore indicatorStore, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!InputTemplates.Kinds.Contains(kind))
            {
                return Problems.BadRequest($"« {kind} » n'est pas un type de classeur connu (types : {string.Join(", ", InputTemplates.Kinds)}).");
            }

            var year = clock.GetUtcNow().Year;
            if (annee is not null && (!int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100))
            {
                return Problems.BadRequest($"« {annee} » n'est pas une année valide (attendu : une année sur quatre chiffres, par exemple 2022).");
            }

            Departement? dep = null;
            if (departement is not null || kind == SuiviMensuelParser.KindName)
            {
                if (!Problems.TryDepartement(departement, out var parsed, out var problem))
                {
                    return problem!;
                }

                dep = parsed;
            }

            var indicators = new List<IndicatorDefinition>();
            if (kind == SuiviMensuelParser.KindName)
            {
                indicators.AddRange((await indicatorStore.CurrentAsync(await ingestions.HeadAsync(dep!.Value.Code, cancellationToken), cancellationToken)).Values.OrderBy(i => i.Code, StringComparer.Ordinal));
            }

            var bytes = InputTemplates.Build(kind, year, indicators, dep?.Code)!;
            var name = dep is { } d ? $"modele-{kind}-{d.Code}-{year}.xlsx" : $"modele-{kind}-{year}.xlsx";
            return Results.File(bytes, InputTemplates.ContentType, name);
        }).WithName("GetInputTemplate");
}
