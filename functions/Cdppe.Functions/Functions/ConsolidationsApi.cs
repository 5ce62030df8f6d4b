using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>POST /api/consolidations?departement=77[&amp;month=2022-06]</c>: consolidate now (a month, or what is due);
/// <c>GET /api/consolidations?departement=77</c>: the recorded runs.
/// </summary>
public static class ConsolidationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/consolidations", async (string? departement, string? month, MonthlyConsolidator consolidator, ConsolidationRunner runner, CancellationToken cancellationToken) =>
        {
            if (!Problems.TryDepartement(departement, out var dep, out var problem))
            {
                return problem!;
            }

            try
            {
                if (month is null)
                {
                    return Results.Ok(await runner.RunDueAsync("http", dep, cancellationToken));
                }

                return YearMonth.TryParse(month, out var ym)
                    ? Results.Ok(await consolidator.ConsolidateAsync(dep, [ym.Value], "http", cancellationToken))
                    : Problems.BadRequest($"« {month} » n'est pas un mois valide (attendu : AAAA-MM, par exemple 2022-06).");
            }
            catch (DepartementBusyException ex)
            {
                return Problems.Conflict(ex.Message);
            }
        }).WithName("RunConsolidation");

        api.MapGet("/consolidations", async (string? departement, ConsolidationRunStore store, CancellationToken cancellationToken) =>
        {
            if (!Problems.TryDepartement(departement, out var dep, out var problem))
            {
                return problem!;
            }

            var runs = new List<object>();
            foreach (var r in await store.RunsAsync(dep.Code, cancellationToken))
            {
                runs.Add(new { id = r.RowKey, r.StartedAt, r.EndedAt, r.Trigger, months = r.Months.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Snapshots, r.RevisionsWritten, r.Gaps, r.Warnings });
            }

            return Results.Ok(runs);
        }).WithName("ListConsolidations");
    }
}
