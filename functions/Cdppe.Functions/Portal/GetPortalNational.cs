using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/national?annee=2022</c> (national scope only): every département and the national totals.</summary>
public sealed class GetPortalNational(PortalAccess access, NationalOverviewService national)
{
    [Function(nameof(GetPortalNational))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "national")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return user!.National
            ? new OkObjectResult(await national.BuildAsync(year, cancellationToken))
            : Problems.Forbidden("La page nationale est réservée aux services de l'État (rôle National).");
    }
}
