using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/campagnes/{year}/transmissions/{id}?departement=77</c>: a transmitted package, the same bytes forever.</summary>
public sealed class GetCampaignPackage(CampaignService campaigns)
{
    [Function(nameof(GetCampaignPackage))]
    [ApiOperation("A transmitted package (.zip: the files and manifeste.json), byte for byte as it was transmitted.", Tag = "campagnes")]
    [ApiParameter("year", "Year of the campaign.", Example = "2022")]
    [ApiParameter("id", "The package id answered by the transmission.", Example = "2022-77-01-3fa2b1c0")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiResponse(200, "The package.", ContentType = "application/zip")]
    [ApiResponse(404, "No such package for the département and the year.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/campagnes/{year}/transmissions/{id}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? await CampaignAnswers.PackageAsync(campaigns, departement, year, bind.Value("id"), cancellationToken);
    }
}
