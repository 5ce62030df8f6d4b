using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>POST /api/consolidations?departement=77[&amp;month=2022-06]</c>: consolidate now, one month or what is due
/// (the département busy with another run is a 409, see <see cref="Problems.ForException"/>).
/// </summary>
public sealed class RunConsolidation(MonthlyConsolidator consolidator, ConsolidationRunner runner)
{
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
        if (!Problems.TryDepartement(request.Query["departement"], out var dep, out var problem))
        {
            return problem;
        }

        string? month = request.Query["month"];
        if (month is null)
        {
            return new OkObjectResult(await runner.RunDueAsync("http", dep, cancellationToken));
        }

        return YearMonth.TryParse(month, out var ym)
            ? new OkObjectResult(await consolidator.ConsolidateAsync(dep, [ym.Value], "http", cancellationToken))
            : Problems.BadRequest($"« {month} » n'est pas un mois valide (attendu : AAAA-MM, par exemple 2022-06).");
    }
}
