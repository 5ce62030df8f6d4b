using Cdppe.Functions.Hosting;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>GET /</c>, <c>/depots</c>, <c>/modeles</c>, <c>/indicateurs</c>, <c>/indicateur</c>, <c>/rapport</c>, <c>/national</c>,
/// <c>/connexion</c>, <c>/aide</c>: the portal's pages (static HTML; their data comes from <c>/api/portal/…</c>). The
/// sign-in and help pages (with the legal notice and the accessibility statement) are open to all; without a session
/// any other page sends to the sign-in page (the platform's in Azure), which comes back to it: <c>/connexion?retour=</c>
/// accepts only a path of this site, and sends any other return address back to a plain <c>/connexion</c>.
/// </summary>
public sealed class PortalPage(PortalAccess access)
{
    private static readonly Uri Site = new("http://portail.invalid/");

    [Function(nameof(PortalPage))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{page?}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var route = request.RouteValues["page"]?.ToString() ?? string.Empty;
        if (route == "connexion" && request.Query["retour"].Count > 0 && ReturnPath(request.Query["retour"].ToString()) is null)
        {
            return new RedirectResult("/connexion");
        }

        if (route is not ("connexion" or "aide") && await access.UserAsync(request, cancellationToken) is null)
        {
            var back = Uri.EscapeDataString(request.Path + request.QueryString);
            return new RedirectResult(access.Options.PlatformAuthentication ? $"{access.Options.SignInPath}?post_login_redirect_uri={back}" : $"/connexion?retour={back}");
        }

        return PortalAssets.Page(route) is { } page ? PortalAssets.Serve(request, page) : Problems.NotFound("Cette page n'existe pas : le portail commence à l'accueil, /.");
    }

    /// <summary>
    /// <paramref name="value"/> when it is a path of this site whichever way a browser reads it, else null: it starts
    /// with one <c>/</c>, holds no character a browser's URL parser strips or reads as a slash (tab, newline, any
    /// control or space, backslash), and resolved against the site it stays on the site. The page script checks
    /// the same with the browser's own parser (<c>assets/return-address.js</c>).
    /// </summary>
    public static string? ReturnPath(string? value) =>
        value is { Length: > 0 and <= 2_048 } && value[0] == '/' && !value.StartsWith("//", StringComparison.Ordinal)
            && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            && Uri.TryCreate(Site, value, out var resolved) && resolved.Scheme == Site.Scheme && resolved.Authority == Site.Authority
            ? value
            : null;
}
