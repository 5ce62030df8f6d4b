using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops/{id}/report?departement=77</c>: the ingestion report of a file (JSON, every problem with its cell).</summary>
public sealed class GetPortalIngestionReport(PortalAccess access, IngestionHistory ingestions)
{
    [Function(nameof(GetPortalIngestionReport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}/report")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(await ingestions.ReportFileAsync(departement, bind.Value("id") ?? string.Empty, cancellationToken), Answers.File);
    }
}
