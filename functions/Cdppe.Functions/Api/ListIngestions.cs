using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/ingestions?departement=77</c>: every ingestion of the département, newest first.</summary>
public sealed class ListIngestions(IngestionHistory ingestions)
{
    [Function(nameof(ListIngestions))]
    [ApiOperation("The département's ingestions, newest first: file, kinds, years, status, error and warning counts, report, stored data, annotated copy of a rejected file, superseded by.", Tag = "ingestion")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The ingestion records.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/ingestions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var departement = bind.Departement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var records = await ingestions.ListAsync(departement, cancellationToken);
        return new OkObjectResult(records.Select(r => new
        {
            id = r.Id,
            r.FileName,
            r.BlobName,
            Status = IngestionStatuses.Code(r.Status),
            Kinds = string.Join(',', r.Kinds),
            Years = string.Join(',', r.Years),
            r.Contract,
            r.ErrorCount,
            r.WarningCount,
            r.Lines,
            r.ReceivedAt,
            r.Size,
            r.ArchivePath,
            r.ReportPath,
            r.DataPath,
            r.AnnotatedPath,
            SupersededBy = r.SupersededBy.Count == 0 ? null : string.Join(',', r.SupersededBy),
            r.Summary,
        }));
    }
}
