using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Contracts;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/contrats?departement=77</c>: the contracts of the département, each plan in force with its period and source.</summary>
public sealed class ListContracts(ContractService contracts)
{
    [Function(nameof(ListContracts))]
    [ApiOperation("The contracts of the département derived from what was ingested: each plan, its period, where it came from (ingestion, file, sheet).", Tag = "contracts")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The contracts, oldest period first.", ContentType = "application/json")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/contrats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult(await contracts.ViewsAsync(departement.Code, cancellationToken));
    }
}
