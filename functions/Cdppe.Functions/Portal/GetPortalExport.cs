using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/exports/{kind}?departement=77&amp;annee=2022</c>: the workbooks sent to the State (tableau-de-bord, rapport-financier, annexe-2-1), the same use cases as the API's.</summary>
public sealed class GetPortalExport(PortalAccess access, TableauDeBordExport tableau, RapportFinancierExport financier, AnnexeExport annexe)
{
    [Function(nameof(GetPortalExport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "exports/{kind}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return (request.RouteValues["kind"] as string) switch
        {
            "tableau-de-bord" => Answers.From(await tableau.ExportAsync(departement, year, cancellationToken), Answers.File),
            "rapport-financier" => Answers.From(await financier.ExportAsync(departement, year, cancellationToken), Answers.File),
            "annexe-2-1" => Answers.From(await annexe.ExportAsync(departement, year, cancellationToken), Answers.File),
            _ => Problems.NotFound("Export inconnu : les exports sont tableau-de-bord, rapport-financier et annexe-2-1."),
        };
    }
}
