using Cdppe.Functions.Hosting;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>GET /</c>, <c>/depots</c>, <c>/modeles</c>, <c>/indicateurs</c>, <c>/rapport</c>, <c>/national</c>, <c>/connexion</c>:
/// the portal's pages (static HTML; their data comes from <c>/api/portal/…</c>). Without a session a page sends to
/// the sign-in page (the platform's in Azure), which comes back to it.
/// </summary>
public sealed class PortalPage(PortalAccess access)
{
    [Function(nameof(PortalPage))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{page?}")] HttpRequest request)
    {
        var route = request.RouteValues["page"]?.ToString() ?? string.Empty;
        if (route != "connexion" && access.User(request) is null)
        {
            var back = Uri.EscapeDataString(request.Path + request.QueryString);
            return new RedirectResult(access.Options.PlatformAuthentication ? $"{access.Options.SignInPath}?post_login_redirect_uri={back}" : $"/connexion?retour={back}");
        }

        return PortalAssets.Page(route) is { } page ? PortalAssets.Serve(request, page) : Problems.NotFound("Cette page n'existe pas : le portail commence à l'accueil, /.");
    }
}
