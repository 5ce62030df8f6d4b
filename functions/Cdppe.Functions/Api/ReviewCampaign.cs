using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;

namespace Cdppe.Functions.Api;

/// <summary><c>POST /api/campagnes/{year}/revues?departement=77</c> (national role): the State's review of the current round.</summary>
public sealed class ReviewCampaign(CampaignService campaigns)
{
    [Function(nameof(ReviewCampaign))]
    [NationalReview]
    [ApiOperation("The State's review of the current round (national role only): { \"etat\": \"en-instruction\" | \"a-completer\" | \"valide\", \"remarques\": [ { \"partie\": \"fiche-9\", \"texte\": \"…\" } ] }. Parts: ensemble, fiche-{n}, indicateur-{code}, rapport-financier-{ligne}, texte-{emplacement}.", Tag = "campagnes")]
    [ApiParameter("year", "Year of the campaign.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiRequestBody("application/json", "The new state and the remarks (at most 50, 2 000 characters each).")]
    [ApiResponse(200, "The campaign after the review.", ContentType = "application/json")]
    [ApiResponse(400, "Unknown state, unknown part, empty or too long remark.")]
    [ApiResponse(403, "The key's role is not National.")]
    [ApiResponse(409, "The campaign's state does not allow that move (nothing transmitted, already validated), or changed meanwhile.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/campagnes/{year}/revues")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? await CampaignAnswers.ReviewAsync(campaigns, ApiKeyCheck.ActorOf(request.HttpContext), departement, year, request, cancellationToken);
    }
}
