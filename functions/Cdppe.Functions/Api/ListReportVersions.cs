using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/reports/annual/{year}/versions?departement=77</c>: every generated report of the year, newest first.</summary>
public sealed class ListReportVersions(ReportVersions versions)
{
    [Function(nameof(ListReportVersions))]
    [ApiOperation("Every report generated for the year, newest first, with what it was made from: data version, texts version, template (source and SHA-256).", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiResponse(200, "The versions.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}/versions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult((await versions.ListAsync(departement, year, cancellationToken)).Select(v => new
        {
            v.Id,
            v.CreatedAt,
            v.FileName,
            v.Bytes,
            v.Sha256,
            v.DataVersion,
            v.TextsVersion,
            v.Template,
            v.TemplateHash,
            places = v.Places.Count,
            download = $"/api/reports/annual/{year}/versions/{v.Id}?departement={departement.Code}",
        }));
    }
}
