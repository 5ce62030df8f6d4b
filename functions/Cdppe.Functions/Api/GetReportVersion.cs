using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/reports/annual/{year}/versions/{id}?departement=77</c>: a kept report, byte for byte as it was handed out.</summary>
public sealed class GetReportVersion(ReportVersions versions)
{
    [Function(nameof(GetReportVersion))]
    [ApiOperation("A generated report as it was handed out, byte for byte.", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("id", "Id of the version (from the list of versions).", Example = "20230615T093012345Z-a1b2c3")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiResponse(200, "The report.", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [ApiResponse(404, "No such version for the département and the year.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/annual/{year}/versions/{id}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        var id = bind.Value("id") ?? string.Empty;
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? Problems.Problem(StatusCodes.Status404NotFound, ReportVersions.NotFoundMessage(id))
            : Answers.From(await versions.DownloadAsync(departement, year, id, cancellationToken), Answers.File);
    }
}
