using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report/template?departement=77</c>: the Word template in force (the département's, else the shared one, else the built-in one).</summary>
public sealed class GetPortalReportTemplate(PortalAccess access, ReportDownloads reports)
{
    [Function(nameof(GetPortalReportTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report/template")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? Answers.Docx((await reports.TemplateAsync(departement, cancellationToken)).Content, DefaultReportTemplate.FileName);
    }
}
