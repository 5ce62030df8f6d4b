using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Api;

/// <summary>
/// <c>POST /api/consolidations?departement=77[&amp;month=2022-06]</c>: consolidate now, one month or what is due
/// (the département busy with another run is a 409, see <see cref="Problems.ForException"/>).
/// </summary>
public sealed class RunConsolidation(ConsolidationService consolidations, ActivityJournal journal)
{
    public const string Trigger = "http";

    [Function(nameof(RunConsolidation))]
    [ApiOperation("Consolidates one month, or everything that is due, now.", Tag = "consolidation")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiParameter("month", "The month to consolidate (AAAA-MM); without it, every month that is due.", Example = "2022-10")]
    [ApiResponse(200, "What was consolidated.", ContentType = "application/json")]
    [ApiResponse(409, "Another consolidation or an ingestion holds the département.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/consolidations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var departement = bind.Departement();
        var month = bind.OptionalMonth();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        object result = month is { } one
            ? await consolidations.RunMonthAsync(departement, one, Trigger, cancellationToken)
            : await consolidations.RunDueAsync(departement, Trigger, cancellationToken);
        await journal.RecordAsync(ApiKeyCheck.ActorOf(request.HttpContext), departement, JournalActions.Consolidation, month is { } m ? $"Consolidation du mois {m}." : "Consolidation de ce qui était dû.", cancellationToken: cancellationToken);
        return new OkObjectResult(result);
    }
}
