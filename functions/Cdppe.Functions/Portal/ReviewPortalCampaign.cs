using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Portal;

/// <summary><c>POST /api/portal/campagne/revues?departement=77&amp;annee=2022</c>: the State's review (national role), body as the API's.</summary>
public sealed class ReviewPortalCampaign(PortalAccess access, CampaignService campaigns)
{
    [Function(nameof(ReviewPortalCampaign))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "campagne/revues")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken, nationalMayChange: true);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? await CampaignAnswers.ReviewAsync(campaigns, user!.Actor, departement, year, request, cancellationToken);
    }
}
