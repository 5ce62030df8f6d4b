using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/health</c> (anonymous): 200 when storage answers, 503 otherwise.</summary>
public static class HealthApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", async (CdppeStorage storage, CancellationToken cancellationToken) =>
        {
            try
            {
                await storage.Uploads.ExistsAsync(cancellationToken);
                return Results.Ok(new { status = "ok" });
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or TimeoutException)
            {
                return Results.Problem(detail: "Le stockage ne répond pas.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Indisponible");
            }
        }).WithName("Health");
}
