using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/campagne/paquets/{id}?departement=77&amp;annee=2022</c>: a transmitted package, byte for byte.</summary>
public sealed class GetPortalCampaignPackage(PortalAccess access, CampaignService campaigns)
{
    [Function(nameof(GetPortalCampaignPackage))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "campagne/paquets/{id}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? await CampaignAnswers.PackageAsync(campaigns, departement, year, bind.Value("id"), cancellationToken);
    }
}
