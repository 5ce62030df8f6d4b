using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/consolidations?departement=77</c>: the recorded consolidation runs.</summary>
public sealed class ListConsolidations(ConsolidationService consolidations)
{
    [Function(nameof(ListConsolidations))]
    [ApiOperation("The recorded consolidation runs of the département.", Tag = "consolidation")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The runs.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/consolidations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult(await consolidations.RunsAsync(departement, cancellationToken));
    }
}
