using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/templates/{kind}?departement=77&amp;annee=2022</c>: a blank input workbook (suivi-mensuel pre-filled).</summary>
public sealed class GetPortalInputTemplate(PortalAccess access, PortalTemplates templates)
{
    [Function(nameof(GetPortalInputTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "templates/{kind}")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PortalCall.TryDepartementYear(request, access, change: false, out var departement, out var year, out var problem))
        {
            return problem;
        }

        var workbook = await templates.InputWorkbookAsync(request.RouteValues["kind"]?.ToString() ?? string.Empty, departement, year, cancellationToken);
        return workbook is null
            ? new NotFoundResult()
            : new FileContentResult(workbook.Value.Content, Pipeline.Ingestion.InputTemplates.ContentType) { FileDownloadName = workbook.Value.FileName };
    }
}
