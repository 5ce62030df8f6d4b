using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Api;

/// <summary>
/// <c>GET /api/snapshots?departement=77&amp;from=2022-01&amp;to=2022-12</c>: one row per indicator and month, as JSON,
/// or as CSV for Excel and Power BI with <c>Accept: text/csv</c> (<see cref="SnapshotCsv"/>).
/// </summary>
public sealed class ListSnapshots(ConsolidationService consolidations)
{
    [Function(nameof(ListSnapshots))]
    [ApiOperation("Monthly indicator snapshots, as JSON, or as CSV for Excel with Accept: text/csv (; separator, decimal comma, UTF-8 BOM).", Tag = "consolidation")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiParameter("from", "First month (AAAA-MM).", Required = true, Example = "2022-01")]
    [ApiParameter("to", "Last month (AAAA-MM), not before from.", Required = true, Example = "2022-12")]
    [ApiResponse(200, "The snapshots, JSON or CSV.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/snapshots")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var departement = bind.Departement();
        var (from, to) = bind.Months();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        if (request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return Answers.File(await consolidations.SnapshotsCsvAsync(departement, from, to, cancellationToken));
        }

        var rows = await consolidations.SnapshotsAsync(departement, from, to, cancellationToken);
        return new OkObjectResult(rows.Select(r => new { r.Code, r.Label, Month = r.Month.ToString(), r.Value, r.IsPercent, r.Text, r.Target, r.TargetText, Status = r.Status.Label(), r.Reliable, r.SourceIngestion, r.Revision }));
    }
}
