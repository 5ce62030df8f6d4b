using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>GET /api/portal/drops/{id}?departement=77</c>: one file's status and every problem with its cell; 404 while
/// the file is received but not yet ingested (the page polls it).
/// </summary>
public sealed class GetPortalDrop(PortalAccess access, IngestionHistory ingestions)
{
    [Function(nameof(GetPortalDrop))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(
            await ingestions.DetailAsync(departement, bind.Value("id") ?? string.Empty, cancellationToken),
            detail => new OkObjectResult(DropSummary.From(detail.Record) with { Issues = detail.Report?.Issues ?? [] }));
    }
}
