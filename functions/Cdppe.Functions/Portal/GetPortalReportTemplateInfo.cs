using Cdppe.Pipeline.Portal;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report/template/info?departement=77</c>: which template is in force, and where the département's own would be.</summary>
public sealed class GetPortalReportTemplateInfo(PortalAccess access, AnnualReportService reports)
{
    [Function(nameof(GetPortalReportTemplateInfo))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report/template/info")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var template = await reports.GetTemplateAsync(departement, cancellationToken);
        return new OkObjectResult(new { source = template.Source, builtIn = template.IsBuiltIn, departementSource = PortalTemplates.Source(departement) });
    }
}
