using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops/{id}/report?departement=77</c>: the ingestion report of a file (JSON, every problem with its cell).</summary>
public sealed class GetPortalIngestionReport(PortalAccess access, PortalReader reader)
{
    [Function(nameof(GetPortalIngestionReport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}/report")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var record = await reader.IngestionAsync(departement, request.RouteValues["id"]?.ToString() ?? string.Empty, cancellationToken);
        return record is not null && await reader.DownloadAsync(record.ReportPath, cancellationToken) is { } bytes
            ? new FileContentResult(bytes, "application/json; charset=utf-8") { FileDownloadName = $"rapport-import-{Path.GetFileNameWithoutExtension(record.FileName)}.json" }
            : Problems.NotFound("Ce fichier n'a pas de rapport d'import.");
    }
}
