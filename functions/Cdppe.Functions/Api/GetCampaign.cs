using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Api;

/// <summary>
/// <c>GET /api/campagnes/{year}?departement=77</c>: the campaign (state, rounds, remarks, journal); without
/// <c>departement</c> (national role or operator): every département's state.
/// </summary>
public sealed class GetCampaign(CampaignService campaigns)
{
    [Function(nameof(GetCampaign))]
    [ApiOperation("With departement: the campaign's state, its rounds with their manifests, the remarks, the journal (who, when, what) and the notifications. Without (national role): every département's state, round, last package and remarks in progress.", Tag = "campagnes")]
    [ApiParameter("year", "Year of the campaign.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département; omit it for every département (national role).", Example = "77")]
    [ApiResponse(200, "The campaign, or the list.", ContentType = "application/json")]
    [ApiResponse(403, "A département's key without departement, or of another département.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/campagnes/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.OptionalDepartement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return departement is { } one
            ? new OkObjectResult(await campaigns.ViewAsync(one, year, cancellationToken))
            : Answers.From(await campaigns.ListAsync(ApiKeyCheck.ActorOf(request.HttpContext), year, cancellationToken), list => new OkObjectResult(list));
    }
}
