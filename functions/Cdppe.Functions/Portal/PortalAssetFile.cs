namespace Cdppe.Functions.Portal;

/// <summary><c>GET /assets/{path}</c>: the portal's stylesheet, scripts and Chart.js (anonymous: the sign-in page needs them).</summary>
public sealed class PortalAssetFile
{
    [Function(nameof(PortalAssetFile))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{*path}")] HttpRequest request) =>
        PortalAssets.Find("assets/" + request.RouteValues["path"]) is { } asset ? PortalAssets.Serve(request, asset) : new NotFoundResult();
}
