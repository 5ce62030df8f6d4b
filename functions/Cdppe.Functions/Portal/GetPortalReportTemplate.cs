using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report/template?departement=77</c>: the Word template in force (the département's, else the shared one, else the built-in one).</summary>
public sealed class GetPortalReportTemplate(PortalAccess access, AnnualReportService reports)
{
    [Function(nameof(GetPortalReportTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report/template")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var template = await reports.GetTemplateAsync(departement, cancellationToken);
        return new FileContentResult(template.Content, AnnualReportService.DocxContentType) { FileDownloadName = DefaultReportTemplate.FileName };
    }
}
