namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/session</c>: who is signed in, their scope and the CSRF token; 401 otherwise.</summary>
public sealed class GetPortalSession(PortalAccess access)
{
    [Function(nameof(GetPortalSession))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "session")] HttpRequest request) =>
        PortalCall.Bind(request, access, change: false, out var user).Problem ?? new OkObjectResult(user.ToJson());
}
