using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report/template/info?departement=77</c>: which template is in force, and where the département's own would be.</summary>
public sealed class GetPortalReportTemplateInfo(PortalAccess access, ReportTemplates templates)
{
    [Function(nameof(GetPortalReportTemplateInfo))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report/template/info")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult(await templates.InfoAsync(departement, cancellationToken));
    }
}
