using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Api;

/// <summary>
/// <c>GET /api/templates/{kind}?departement=77[&amp;annee=2022]</c>: a blank input workbook for a kind; the
/// <c>suivi-mensuel</c> one is pre-filled with the département's indicators (département required).
/// </summary>
public sealed class GetInputTemplate(InputWorkbooks workbooks, TimeProvider clock)
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
        var bind = new RequestBinder(request);
        var kind = bind.Kind();
        var year = bind.OptionalYear() ?? clock.GetUtcNow().Year;
        var departement = InputWorkbooks.NeedsDepartement(kind) ? bind.Departement() : bind.OptionalDepartement();
        return bind.Problem ?? Answers.From(await workbooks.BuildAsync(kind, departement, year, cancellationToken), Answers.File);
    }
}
