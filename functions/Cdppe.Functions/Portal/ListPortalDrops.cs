using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops?departement=77</c>: every file dropped, newest first, with what superseded it.</summary>
public sealed class ListPortalDrops(PortalAccess access, PortalReader reader)
{
    [Function(nameof(ListPortalDrops))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken) =>
        PortalCall.TryDepartement(request, access, change: false, out var departement, out var problem)
            ? new OkObjectResult((await reader.IngestionsAsync(departement, cancellationToken)).Select(DropSummary.From))
            : problem;
}
