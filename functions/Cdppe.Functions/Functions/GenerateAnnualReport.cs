using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/reports/annual/{year}?departement=77</c>: the rapport d'exécution as .docx.</summary>
public sealed class GenerateAnnualReport(AnnualReportService reports)
{
    [Function(nameof(GenerateAnnualReport))]
    [ApiOperation("The rapport d'exécution of the year as .docx (also saved to reports/).", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The report.", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [ApiResponse(404, "No data was ingested for the département and the year.")]
    [ApiResponse(409, "An ingestion is replacing the département's data.")]
    [ApiResponse(422, "The département's Word template cannot be used (every error listed).")]
    [ApiResponse(503, "The instance renders as many reports as it may and its queue is full (Retry-After).")]
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
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }

        return report is null
            ? Problems.NotFound($"Aucune donnée n'a été importée pour le département {dep.Code} en {year} : déposez d'abord ses classeurs dans uploads/{dep.Code}/.")
            : new FileContentResult(report.Content, AnnualReportService.DocxContentType) { FileDownloadName = report.FileName };
    }
}
