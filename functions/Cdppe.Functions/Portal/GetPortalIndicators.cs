using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/indicators?departement=77&amp;annee=2022</c>: each indicator's months against its targets, gaps and unreliable months.</summary>
public sealed class GetPortalIndicators(PortalAccess access, IndicatorSeriesService series)
{
    [Function(nameof(GetPortalIndicators))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "indicators")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? new OkObjectResult(await series.BuildAsync(departement, year, cancellationToken));
    }
}
