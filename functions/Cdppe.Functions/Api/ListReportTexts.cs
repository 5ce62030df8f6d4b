using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Texts;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/reports/annual/{year}/textes?departement=77</c>: the places of the year's report, each with its last change.</summary>
public sealed class ListReportTexts(ReportTexts texts)
{
    [Function(nameof(ListReportTexts))]
    [ApiOperation("The places of the year's report (from its latest generated version) with the last change of each text: author, time, file, excerpt.", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiResponse(200, "The places.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}/textes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult((await texts.PlacesAsync(departement, year, cancellationToken)).Select(p => new
        {
            p.Name,
            p.Title,
            p.Versions,
            lastChange = p.LastChange is { } c ? new { c.Author, c.SavedAt, c.FileName, c.UploadId, c.Characters, c.Excerpt } : null,
        }));
    }
}
