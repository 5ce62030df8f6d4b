using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/overview?departement=77&amp;annee=2022</c>: the Accueil (last drops, what the report misses, consolidation).</summary>
public sealed class GetPortalOverview(PortalAccess access, DepartementOverviewService overviews)
{
    [Function(nameof(GetPortalOverview))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "overview")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? new OkObjectResult(await overviews.BuildAsync(departement, year, cancellationToken));
    }
}
