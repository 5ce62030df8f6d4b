using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Api;

/// <summary><c>POST /api/campagnes/{year}/transmissions?departement=77</c>: freezes the year's package and transmits it to the State.</summary>
public sealed class TransmitCampaign(CampaignService campaigns)
{
    [Function(nameof(TransmitCampaign))]
    [ApiOperation("Transmits the year's package to the State (département role only): the report rendered now (.docx, and .pdf when a converter is available), the State's workbooks and a manifest with the SHA-256 of each file, the files missing with the reason in French (manquants) and the data version, stored once and never changed. A new round each time.", Tag = "campagnes")]
    [ApiParameter("year", "Year of the campaign.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiResponse(201, "Transmitted: { id, tour, manifest: [ { fichier, sha256, octets } ], manquants: [ { fichier, raison } ], versionDonnees, … }.", ContentType = "application/json")]
    [ApiResponse(403, "The key is not a département's (national role, operator), or not of this département.")]
    [ApiResponse(404, "No data was ingested for the département and the year.")]
    [ApiResponse(409, "Already transmitted and not sent back for completion, or changed meanwhile.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/campagnes/{year}/transmissions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        try
        {
            return bind.Problem ?? CampaignAnswers.Transmitted(
                await campaigns.TransmitAsync(ApiKeyCheck.ActorOf(request.HttpContext), departement, year, cancellationToken),
                $"/api/campagnes/{year}/transmissions/");
        }
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }
    }
}
