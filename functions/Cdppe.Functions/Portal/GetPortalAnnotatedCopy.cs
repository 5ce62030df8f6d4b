using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops/{id}/annotated?departement=77</c>: the copy of a refused workbook with a note on each faulty cell.</summary>
public sealed class GetPortalAnnotatedCopy(PortalAccess access, IngestionHistory ingestions)
{
    [Function(nameof(GetPortalAnnotatedCopy))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops/{id}/annotated")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(await ingestions.AnnotatedCopyAsync(departement, bind.Value("id") ?? string.Empty, cancellationToken), Answers.File);
    }
}
