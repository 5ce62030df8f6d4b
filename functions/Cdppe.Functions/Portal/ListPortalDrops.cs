using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops?departement=77</c>: every file dropped, newest first, with what superseded it.</summary>
public sealed class ListPortalDrops(PortalAccess access, IngestionHistory ingestions)
{
    [Function(nameof(ListPortalDrops))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult((await ingestions.ListAsync(departement, cancellationToken)).Select(DropSummary.From));
    }
}
