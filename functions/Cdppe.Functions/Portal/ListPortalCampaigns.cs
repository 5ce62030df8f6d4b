using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/campagnes?annee=2022</c> (national scope): every département's campaign of the year.</summary>
public sealed class ListPortalCampaigns(PortalAccess access, CampaignService campaigns)
{
    [Function(nameof(ListPortalCampaigns))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "campagnes")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return user!.National
            ? Answers.From(await campaigns.ListAsync(user.Actor, year, cancellationToken), list => new OkObjectResult(list))
            : Problems.Forbidden("La page nationale est réservée aux services de l'État (rôle National).");
    }
}
