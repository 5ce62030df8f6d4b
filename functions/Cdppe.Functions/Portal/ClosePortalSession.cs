namespace Cdppe.Functions.Portal;

/// <summary><c>DELETE /api/portal/session</c>: signs out (the cookie is cleared).</summary>
public sealed class ClosePortalSession(PortalAccess access)
{
    [Function(nameof(ClosePortalSession))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = PortalCall.Api + "session")] HttpRequest request)
    {
        if (PortalCall.Bind(request, access, change: true).Problem is { } problem)
        {
            return problem;
        }

        access.SetCookie(request.HttpContext.Response, null);
        return new NoContentResult();
    }
}
