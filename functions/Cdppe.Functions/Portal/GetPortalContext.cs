using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/context[?departement=77][&amp;annee=2022]</c>: the header of every page (département, years, choices).</summary>
public sealed class GetPortalContext(PortalAccess access, PortalContextService contexts)
{
    [Function(nameof(GetPortalContext))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "context")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.SignedInAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } refused)
        {
            return refused;
        }

        var user = call.User;
        Departement? departement = null;
        if (request.Query["departement"].FirstOrDefault() is { Length: > 0 } code)
        {
            if (!Problems.TryDepartement(code, out var parsed, out var problem))
            {
                return problem;
            }

            if (PortalAccess.OutOfScope(user, parsed) is { } outOfScope)
            {
                return outOfScope;
            }

            departement = parsed;
        }
        else if (!user.National && request.Query["national"].Count == 0)
        {
            departement = Departement.TryParse(user.Departements[0], out var own) ? own : null;
        }

        int? year = null;
        if (request.Query["annee"].FirstOrDefault() is { Length: > 0 } annee)
        {
            if (!Problems.TryYear(annee, out var y, out var problem))
            {
                return problem;
            }

            year = y;
        }

        return new OkObjectResult(await contexts.BuildAsync(departement, user.National ? null : user.Departements, year, cancellationToken));
    }
}
