using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/reports/annual/{year}?departement=77</c>: the rapport d'exécution as .docx, or as PDF with <c>Accept: application/pdf</c>.</summary>
public sealed class GenerateAnnualReport(ReportDownloads reports, ReportPdf pdf, ActivityJournal journal)
{
    [Function(nameof(GenerateAnnualReport))]
    [ApiOperation("The rapport d'exécution of the year as .docx (also saved to reports/), or as a tagged PDF with Accept: application/pdf.", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The report; header X-Cdppe-Version names the version kept for it.", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [ApiResponse(404, "No contract of the département covers the year (the contracts are named), or no data was ingested for the département and the year.")]
    [ApiResponse(409, "An ingestion is replacing the département's data.")]
    [ApiResponse(501, "PDF asked and no converter is installed (LibreOffice) or configured (Gotenberg).")]
    [ApiResponse(503, "Too many reports or PDF conversions at once: retry after Retry-After seconds.")]
    [ApiResponse(504, "The PDF conversion ran past its time limit.")]
    [ApiResponse(422, "The département's Word template cannot be used (every error listed).")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? await ReportAnswers.DownloadAsync(request, ApiKeyCheck.ActorOf(request.HttpContext), departement, year, reports, pdf, journal, cancellationToken);
    }
}
