using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Portal;

/// <summary><c>POST /api/portal/consolidations?departement=77</c>: consolidates what is due for the département now.</summary>
public sealed class RunPortalConsolidation(PortalAccess access, ConsolidationService consolidations)
{
    public const string Trigger = "portail";

    [Function(nameof(RunPortalConsolidation))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "consolidations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        return bind.Problem ?? new OkObjectResult(await consolidations.RunDueAsync(departement, Trigger, cancellationToken));
    }
}
