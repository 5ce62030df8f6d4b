using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Portal;

/// <summary>
/// Who calls the portal and what they may do. Standalone: the signed session cookie of the sign-in page (the key
/// chosen there decides the scope). In Azure with App Service Authentication on (<see cref="PortalOptions.PlatformAuthentication"/>):
/// the <c>X-MS-CLIENT-PRINCIPAL</c> header of the platform, whose app roles give the scope (<c>National</c>,
/// <c>Departement.77</c>); that header is ignored when the setting is off. Every call names its département and is
/// refused outside the scope; every change carries the session's CSRF token in <c>X-Cdppe-Csrf</c> and comes from
/// this site (<c>Origin</c>, else <c>Sec-Fetch-Site</c>).
/// </summary>
public sealed class PortalAccess(IOptions<CdppeOptions> app, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string CsrfHeader = "X-Cdppe-Csrf";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string NationalRole = "National";
    public const string DepartementRolePrefix = "Departement.";

    private static readonly string[] RoleClaimTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public PortalOptions Options => portal.Value;

    /// <summary>The signed-in person, or null.</summary>
    public PortalUser? User(HttpRequest request) => portal.Value.PlatformAuthentication ? FromPrincipal(request) : FromCookie(request);

    /// <summary>
    /// Null when the call may go on, else the problem to answer: 401 without a session, 403 for a change without
    /// the CSRF token or from another site.
    /// </summary>
    public IActionResult? Refuse(HttpRequest request, bool change, out PortalUser user)
    {
        user = User(request)!;
        if (user is null)
        {
            return SignInRequired();
        }

        return change && !IsSameSiteChange(request, user)
            ? Problems.Forbidden("Requête refusée : elle ne vient pas d'une page du portail (jeton anti-falsification absent ou invalide). Rechargez la page.")
            : null;
    }

    /// <summary>The 403 of a département outside the user's scope, or null.</summary>
    public static IActionResult? OutOfScope(PortalUser user, Departement departement) =>
        user.Allows(departement) ? null : Problems.Forbidden($"Votre accès ne couvre pas le département {departement.Code}.");

    /// <summary>The 401 of a call without a session; in Azure it says where to sign in.</summary>
    public IActionResult SignInRequired() => portal.Value.PlatformAuthentication
        ? Problems.Problem(StatusCodes.Status401Unauthorized, "Connectez-vous avec votre compte professionnel.", new Dictionary<string, object?> { ["connexion"] = portal.Value.SignInPath })
        : Problems.Unauthorized("Connectez-vous au portail avec votre clé d'accès.");

    /// <summary>
    /// Signs in with a key: the global key opens every scope, a scoped key one of its départements. Returns the
    /// cookie value and the user, or a French reason.
    /// </summary>
    public (string? Token, PortalUser? User, string? Error) SignIn(string? key, string? scope)
    {
        var settings = app.Value;
        if (portal.Value.PlatformAuthentication)
        {
            return (null, null, "La connexion se fait avec Microsoft Entra ID.");
        }

        if (!settings.HasAppKeys)
        {
            return (null, null, "Aucune clé d'accès n'est configurée (Cdppe__ApiKey) : la connexion est impossible.");
        }

        var national = string.Equals(scope?.Trim(), "national", StringComparison.OrdinalIgnoreCase);
        Departement? departement = null;
        if (!national && !Departement.TryParse(scope, out departement))
        {
            return (null, null, string.IsNullOrWhiteSpace(scope) ? "Indiquez le code du département (par exemple 77) ou choisissez le périmètre national." : Departement.InvalidMessage(scope));
        }

        var name = KeyName(key);
        if (name is null)
        {
            return (null, null, "Clé d'accès invalide.");
        }

        if (name != PortalSessionToken.GlobalKeyName && (national || !settings.Keys[name].Allows(departement!.Value.Code)))
        {
            return (null, null, national
                ? "Cette clé est limitée à certains départements : elle n'ouvre pas le périmètre national."
                : $"Cette clé ne donne pas accès au département {departement!.Value.Code}.");
        }

        var payload = new PortalSessionToken.Payload(name, national ? "national" : departement!.Value.Code, clock.GetUtcNow().AddHours(portal.Value.SessionHours).ToUnixTimeSeconds(), PortalSessionToken.NewCsrf());
        return (PortalSessionToken.Create(payload, SecretOf(name)!), ToUser(payload), null);
    }

    /// <summary>Writes the session cookie: HttpOnly (scripts never read it), SameSite=Strict, Secure over HTTPS.</summary>
    public void SetCookie(HttpResponse response, string? token)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps || response.HttpContext.Request.Headers["X-Forwarded-Proto"] == "https",
            Path = "/",
            IsEssential = true,
            MaxAge = token is null ? TimeSpan.Zero : TimeSpan.FromHours(portal.Value.SessionHours),
        };
        response.Cookies.Append(PortalSessionToken.CookieName, token ?? string.Empty, options);
    }

    private PortalUser? FromCookie(HttpRequest request)
    {
        var payload = PortalSessionToken.Read(request.Cookies[PortalSessionToken.CookieName], SecretOf);
        return payload is null || payload.ExpiresAt < clock.GetUtcNow().ToUnixTimeSeconds() ? null : ToUser(payload);
    }

    private static PortalUser ToUser(PortalSessionToken.Payload payload)
    {
        var national = payload.Scope == "national";
        return new PortalUser("Connexion par clé", SignInMode.Key, national, national ? [] : [payload.Scope], payload.Csrf);
    }

    /// <summary>The platform's principal (base64 JSON with the app roles), read only when platform authentication is on.</summary>
    private static PortalUser? FromPrincipal(HttpRequest request)
    {
        var header = request.Headers[PrincipalHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            var roleType = json.RootElement.TryGetProperty("role_typ", out var rt) ? rt.GetString() : null;
            var roles = new List<string>();
            string? name = request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault();
            foreach (var claim in json.RootElement.TryGetProperty("claims", out var claims) ? claims.EnumerateArray() : default)
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString() ?? string.Empty;
                if (RoleClaimTypes.Contains(type) || type == roleType)
                {
                    roles.Add(value);
                }
                else if (type is "name" or "preferred_username")
                {
                    name ??= value;
                }
            }

            var departements = roles
                .Where(r => r.StartsWith(DepartementRolePrefix, StringComparison.Ordinal))
                .Select(r => Departement.TryParse(r[DepartementRolePrefix.Length..], out var d) ? d.Value.Code : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var national = roles.Contains(NationalRole, StringComparer.Ordinal);
            // Entra sessions live in the platform's own cookie: changes are protected by the custom header and the origin check.
            return national || departements.Count > 0 ? new PortalUser(name ?? "Compte Entra ID", SignInMode.Entra, national, departements, "entra") : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static bool IsSameSiteChange(HttpRequest request, PortalUser user)
    {
        var token = request.Headers[CsrfHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(token) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(user.Csrf)))
        {
            return false;
        }

        return IsSameOrigin(request);
    }

    /// <summary>The request comes from a page of this site: its <c>Origin</c> names this host, else the browser says same-origin.</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.FirstOrDefault();
        if (!string.IsNullOrEmpty(origin))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            {
                return false;
            }

            // Behind the Functions host the worker may see the forwarded host rather than the public one.
            var hosts = request.Headers["X-Forwarded-Host"].Append(request.Host.Value);
            return hosts.Any(h => string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase));
        }

        var site = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        return site is null or "same-origin";
    }

    /// <summary>The name of the key given ("*" for the global key), comparing every key in constant time.</summary>
    private string? KeyName(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(key);
        string? found = Matches(given, app.Value.ApiKey) ? PortalSessionToken.GlobalKeyName : null;
        foreach (var (name, scoped) in app.Value.Keys)
        {
            if (Matches(given, scoped.Key))
            {
                found ??= name;
            }
        }

        return found;
    }

    private string? SecretOf(string name) =>
        name == PortalSessionToken.GlobalKeyName ? app.Value.ApiKey is { Length: > 0 } k ? k : null
        : app.Value.Keys.TryGetValue(name, out var scoped) && scoped.Key.Length > 0 ? scoped.Key : null;

    private static bool Matches(byte[] given, string? expected) =>
        !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected));
}
