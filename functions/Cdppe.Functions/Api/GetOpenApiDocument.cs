using Cdppe.Functions.OpenApi;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/openapi.json</c> (anonymous): the OpenAPI 3.1 description of this API (<see cref="ApiDescription"/>).</summary>
public sealed class GetOpenApiDocument
{
    [Function(nameof(GetOpenApiDocument))]
    [ApiOperation("This description of the API (OpenAPI 3.1).", Tag = "service")]
    [ApiResponse(200, "The OpenAPI document.", ContentType = "application/json")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        new ContentResult { Content = ApiDescription.Json, ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK };
}
