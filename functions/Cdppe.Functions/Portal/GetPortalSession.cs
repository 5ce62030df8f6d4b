namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/session</c>: who is signed in, their scope and the CSRF token; 401 otherwise.</summary>
public sealed class GetPortalSession(PortalAccess access)
{
    [Function(nameof(GetPortalSession))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "session")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        return bind.Problem ?? new OkObjectResult(user!.ToJson());
    }
}
