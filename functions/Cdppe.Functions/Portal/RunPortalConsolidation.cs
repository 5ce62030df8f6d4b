using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Portal;

/// <summary><c>POST /api/portal/consolidations?departement=77</c>: consolidates what is due for the département now.</summary>
public sealed class RunPortalConsolidation(PortalAccess access, ConsolidationRunner runner)
{
    [Function(nameof(RunPortalConsolidation))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "consolidations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: true, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        return new OkObjectResult(await runner.RunDueAsync("portail", departement, cancellationToken));
    }
}
