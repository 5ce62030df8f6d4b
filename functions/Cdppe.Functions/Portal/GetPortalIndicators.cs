using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/indicators?departement=77&amp;annee=2022</c>: each indicator's months against its targets, gaps and unreliable months.</summary>
public sealed class GetPortalIndicators(PortalAccess access, IndicatorSeriesService series)
{
    [Function(nameof(GetPortalIndicators))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "indicators")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementYearAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var (departement, year) = (call.Departement, call.Year);
        return new OkObjectResult(await series.BuildAsync(departement, year, cancellationToken));
    }
}
