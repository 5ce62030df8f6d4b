using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>GET /api/portal/drops/{id}?departement=77</c>: one file's status and every problem with its cell; 404 while
/// the file is received but not yet ingested (the page polls it).
/// </summary>
public sealed class GetPortalDrop(PortalAccess access, PortalReader reader)
{
    [Function(nameof(GetPortalDrop))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var record = await reader.IngestionAsync(departement, request.RouteValues["id"]?.ToString() ?? string.Empty, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound("Ce fichier n'est pas encore importé.");
        }

        var report = await reader.ReportAsync(record, cancellationToken);
        return new OkObjectResult(DropSummary.From(record) with { Issues = report?.Issues ?? [] });
    }
}
