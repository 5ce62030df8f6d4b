using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/campagne?departement=77&amp;annee=2022</c>: the campaign page (state, rounds, remarks, journal, notifications).</summary>
public sealed class GetPortalCampaign(PortalAccess access, CampaignService campaigns)
{
    [Function(nameof(GetPortalCampaign))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "campagne")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? new OkObjectResult(await campaigns.ViewAsync(departement, year, cancellationToken));
    }
}
