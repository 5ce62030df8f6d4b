using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/reports/annual/{year}?departement=77</c>: the rapport d'exécution as .docx.</summary>
public sealed class GenerateAnnualReport(ReportDownloads reports, ActivityJournal journal)
{
    [Function(nameof(GenerateAnnualReport))]
    [ApiOperation("The rapport d'exécution of the year as .docx (also saved to reports/).", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The report.", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [ApiResponse(404, "No data was ingested for the département and the year.")]
    [ApiResponse(409, "An ingestion is replacing the département's data.")]
    [ApiResponse(422, "The département's Word template cannot be used (every error listed).")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        try
        {
            if (bind.Problem is { } problem)
            {
                return problem;
            }

            var outcome = await reports.ReportAsync(departement, year, cancellationToken);
            if (outcome.Value is { } report)
            {
                await journal.RecordAsync(ApiKeyCheck.ActorOf(request.HttpContext), departement, JournalActions.Report, $"Génération du rapport {year} ({report.TemplateSource}).", year, cancellationToken: cancellationToken);
            }

            return Answers.From(outcome, r => Answers.Docx(r.Content, r.FileName));
        }
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }
    }
}
