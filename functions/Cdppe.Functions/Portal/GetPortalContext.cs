using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/context[?departement=77][&amp;annee=2022]</c>: the header of every page (département, years, choices).</summary>
public sealed class GetPortalContext(PortalAccess access, PortalContextService contexts)
{
    [Function(nameof(GetPortalContext))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "context")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.OptionalDepartement();
        var year = bind.OptionalYear();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        if (departement is null && !user!.National && request.Query["national"].Count == 0)
        {
            departement = Departement.TryParse(user!.Departements[0], out var own) ? own : null;
        }

        return new OkObjectResult(await contexts.BuildAsync(departement, user!.National ? null : user.Departements, year, cancellationToken));
    }
}
