using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Functions;

/// <summary>Timer trigger: consolidates whatever is due (the planner decides, in Europe/Paris months).</summary>
public static class ConsolidateMonthlyFunction
{
    public const string Name = "ConsolidateMonthly";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/" + Name, async (InvocationRequest request, ConsolidationRunner runner, CancellationToken cancellationToken) =>
        {
            var summaries = await runner.RunDueAsync("timer", cancellationToken: cancellationToken);
            return Results.Ok(new InvocationResponse
            {
                Logs = summaries.Select(s => $"{s.Departement}: {string.Join(',', s.Months)} ({s.RevisionsWritten} revisions)" + (s.Skipped.Count > 0 ? $"; hors période : {string.Join(" ; ", s.Skipped)}" : string.Empty)).ToList(),
                ReturnValue = summaries.Count,
            });
        });
}
