using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops/{id}/annotated?departement=77</c>: the copy of a refused workbook with a note on each faulty cell.</summary>
public sealed class GetPortalAnnotatedCopy(PortalAccess access, PortalReader reader)
{
    [Function(nameof(GetPortalAnnotatedCopy))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}/annotated")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var record = await reader.IngestionAsync(departement, request.RouteValues["id"]?.ToString() ?? string.Empty, cancellationToken);
        return record is not null && await reader.DownloadAsync(record.AnnotatedPath, cancellationToken) is { } bytes
            ? new FileContentResult(bytes, InputTemplates.ContentType) { FileDownloadName = Path.GetFileName(record.AnnotatedPath) }
            : Problems.NotFound("Ce fichier n'a pas de copie annotée (seuls les classeurs refusés en ont une).");
    }
}
