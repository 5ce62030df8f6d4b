using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/reports/annual/{year}?departement=77</c>: the rapport d'exécution as .docx.</summary>
public sealed class GenerateAnnualReport(AnnualReportService reports)
{
    [Function(nameof(GenerateAnnualReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!Problems.TryYear(request.RouteValues["year"]?.ToString(), out var year, out var problem)
            || !Problems.TryDepartement(request.Query["departement"], out var dep, out problem))
        {
            return problem;
        }

        GeneratedReport? report;
        try
        {
            report = await reports.GenerateAsync(dep, year, cancellationToken);
        }
        catch (InvalidReportTemplateException ex)
        {
            return Problems.InvalidTemplate(ex);
        }

        return report is null
            ? Problems.NotFound($"Aucune donnée n'a été importée pour le département {dep.Code} en {year} : déposez d'abord ses classeurs dans uploads/{dep.Code}/.")
            : new FileContentResult(report.Content, AnnualReportService.DocxContentType) { FileDownloadName = report.FileName };
    }
}
