using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Api;

/// <summary><c>GET|HEAD /api/health</c> (anonymous): 200 when storage answers, 503 otherwise.</summary>
public sealed class Health(StorageProbe storage)
{
    [Function(nameof(Health))]
    [ApiOperation("200 when storage answers, 503 otherwise; no key needed (also HEAD).", Tag = "service")]
    [ApiResponse(200, "Storage answers.", ContentType = "application/json")]
    [ApiResponse(503, "Storage does not answer.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await storage.AnswersAsync(cancellationToken) ? new OkObjectResult(new { status = "ok" }) : Problems.Unavailable("Le stockage ne répond pas.");
}
