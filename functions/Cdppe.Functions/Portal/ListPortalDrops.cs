using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops?departement=77</c>: every file dropped, newest first, with what superseded it.</summary>
public sealed class ListPortalDrops(PortalAccess access, PortalReader reader)
{
    [Function(nameof(ListPortalDrops))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        return new OkObjectResult((await reader.IngestionsAsync(departement, cancellationToken)).Select(DropSummary.From));
    }
}
