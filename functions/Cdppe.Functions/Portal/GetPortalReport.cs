using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report?departement=77&amp;annee=2022</c>: generates and downloads the rapport d'exécution.</summary>
public sealed class GetPortalReport(PortalAccess access, AnnualReportService reports)
{
    [Function(nameof(GetPortalReport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementYearAsync(request, access, change: false, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var (departement, year) = (call.Departement, call.Year);
        try
        {
            var report = await reports.GenerateAsync(departement, year, cancellationToken);
            return report is null
                ? Problems.NotFound($"Aucune donnée n'est importée pour le département {departement.Code} en {year} : déposez d'abord ses classeurs.")
                : new FileContentResult(report.Content, AnnualReportService.DocxContentType) { FileDownloadName = report.FileName };
        }
        catch (InvalidReportTemplateException ex)
        {
            return Problems.InvalidTemplate(ex);
        }
        catch (ReportRendersBusyException ex)
        {
            return Functions.RenderQueueFull.Problem(request, ex);
        }
    }
}
