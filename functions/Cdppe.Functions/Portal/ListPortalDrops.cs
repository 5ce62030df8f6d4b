using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/drops?departement=77</c>: every file dropped, newest first, with what superseded it and who dropped it.</summary>
public sealed class ListPortalDrops(PortalAccess access, IngestionHistory ingestions, ActivityJournal journal)
{
    [Function(nameof(ListPortalDrops))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var drops = await journal.DropsAsync(departement, cancellationToken);
        return new OkObjectResult((await ingestions.ListAsync(departement, cancellationToken)).Select(r => DropSummary.From(r) with { DeposePar = ActivityJournal.DroppedBy(drops, r)?.ToString() }));
    }
}
