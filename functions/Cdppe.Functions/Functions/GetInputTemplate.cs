using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>GET /api/templates/{kind}?departement=77[&amp;annee=2022]</c>: a blank input workbook for a kind; the
/// <c>suivi-mensuel</c> one is pre-filled with the département's indicators (département required).
/// </summary>
public sealed class GetInputTemplate(IngestionStore ingestions, IndicatorStore indicatorStore, TimeProvider clock)
{
    [Function(nameof(GetInputTemplate))]
    [ApiOperation("A blank input workbook of a kind; the suivi-mensuel one is pre-filled with the département's indicators.", Tag = "ingestion")]
    [ApiParameter("kind", "Workbook kind: plan-action, synthese-objectifs, tableau-de-bord, annexe-2-1, rapport-financier, bilans-fiches, suivi-mensuel.", Example = "suivi-mensuel")]
    [ApiParameter("departement", "INSEE code of the département (required for suivi-mensuel).", Example = "77")]
    [ApiParameter("annee", "Year of the workbook (default: this year).", Example = "2022")]
    [ApiResponse(200, "The workbook.", ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/templates/{kind}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var kind = request.RouteValues["kind"]?.ToString() ?? string.Empty;
        if (!InputTemplates.Kinds.Contains(kind))
        {
            return Problems.BadRequest($"« {kind} » n'est pas un type de classeur connu (types : {string.Join(", ", InputTemplates.Kinds)}).");
        }

        var year = clock.GetUtcNow().Year;
        if (request.Query["annee"].FirstOrDefault() is { } annee && !Problems.TryYear(annee, out year, out var badYear))
        {
            return badYear;
        }

        Departement? dep = null;
        if (request.Query["departement"].FirstOrDefault() is { } departement || kind == WorkbookKinds.SuiviMensuel)
        {
            if (!Problems.TryDepartement(request.Query["departement"], out var parsed, out var problem))
            {
                return problem;
            }

            dep = parsed;
        }

        var indicators = new List<IndicatorDefinition>();
        if (kind == WorkbookKinds.SuiviMensuel)
        {
            indicators.AddRange((await indicatorStore.CurrentAsync(await ingestions.HeadAsync(dep!.Value.Code, cancellationToken), cancellationToken)).Values.OrderBy(i => i.Code, StringComparer.Ordinal));
        }

        var bytes = InputTemplates.Build(kind, year, indicators, dep?.Code)!;
        var name = dep is { } d ? $"modele-{kind}-{d.Code}-{year}.xlsx" : $"modele-{kind}-{year}.xlsx";
        return new FileContentResult(bytes, InputTemplates.ContentType) { FileDownloadName = name };
    }
}
