using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Portal;

/// <summary><c>POST /api/portal/consolidations?departement=77</c>: consolidates what is due for the département now.</summary>
public sealed class RunPortalConsolidation(PortalAccess access, ConsolidationService consolidations, ActivityJournal journal)
{
    public const string Trigger = "portail";

    [Function(nameof(RunPortalConsolidation))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "consolidations")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var result = await consolidations.RunDueAsync(departement, Trigger, cancellationToken);
        await journal.RecordAsync(user!.Actor, departement, JournalActions.Consolidation, "Consolidation de ce qui était dû.", cancellationToken: cancellationToken);
        return new OkObjectResult(result);
    }
}
