using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/templates/{kind}?departement=77&amp;annee=2022</c>: a blank input workbook (suivi-mensuel pre-filled).</summary>
public sealed class GetPortalInputTemplate(PortalAccess access, PortalTemplates templates)
{
    [Function(nameof(GetPortalInputTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "templates/{kind}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementYearAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var (departement, year) = (call.Departement, call.Year);
        var workbook = await templates.InputWorkbookAsync(request.RouteValues["kind"]?.ToString() ?? string.Empty, departement, year, cancellationToken);
        return workbook is null
            ? new NotFoundResult()
            : new FileContentResult(workbook.Value.Content, Pipeline.Ingestion.InputTemplates.ContentType) { FileDownloadName = workbook.Value.FileName };
    }
}
