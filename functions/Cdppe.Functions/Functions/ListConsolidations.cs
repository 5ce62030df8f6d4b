using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/consolidations?departement=77</c>: the recorded consolidation runs.</summary>
public sealed class ListConsolidations(ConsolidationRunStore store)
{
    [Function(nameof(ListConsolidations))]
    [ApiOperation("The recorded consolidation runs of the département.", Tag = "consolidation")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The runs.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/consolidations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!Problems.TryDepartement(request.Query["departement"], out var dep, out var problem))
        {
            return problem;
        }

        var runs = new List<object>();
        foreach (var r in await store.RunsAsync(dep.Code, cancellationToken))
        {
            runs.Add(new { id = r.RowKey, r.StartedAt, r.EndedAt, r.Trigger, months = r.Months.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Snapshots, r.RevisionsWritten, r.Gaps, r.Warnings });
        }

        return new OkObjectResult(runs);
    }
}
