using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary><c>POST /api/portal/campagne/transmissions?departement=77&amp;annee=2022</c>: transmits the year's package (département role).</summary>
public sealed class TransmitPortalCampaign(PortalAccess access, CampaignService campaigns)
{
    [Function(nameof(TransmitPortalCampaign))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "campagne/transmissions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        try
        {
            return bind.Problem ?? CampaignAnswers.Transmitted(
                await campaigns.TransmitAsync(user!.Actor, departement, year, cancellationToken),
                $"/{PortalCall.Api}campagne/paquets/");
        }
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }
    }
}
