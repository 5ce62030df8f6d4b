namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>DELETE /api/portal/session</c>: signs out. The session is deleted on the server, so its cookie opens nothing
/// afterwards, wherever it is replayed; the cookie is cleared too.
/// </summary>
public sealed class ClosePortalSession(PortalAccess access)
{
    [Function(nameof(ClosePortalSession))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = PortalCall.Api + "session")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: true, cancellationToken, nationalMayChange: true);
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        await access.SignOutAsync(request, cancellationToken);
        return new NoContentResult();
    }
}
