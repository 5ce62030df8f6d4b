using Cdppe.Pipeline.Storage;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Portal;

/// <summary>
/// Who calls the portal and what they may do. Standalone: the key session of the sign-in page, kept server-side
/// (<see cref="PortalSessionStore"/>; the cookie holds only its random id), whose key and scope are checked
/// against the key's current settings at every request. In Azure with App Service Authentication on
/// (<see cref="PortalOptions.PlatformAuthentication"/>): the <c>X-MS-CLIENT-PRINCIPAL</c> header of the platform,
/// whose app roles give the scope and the role (<c>National</c>, <c>Departement.77</c>) and whose name and object id
/// (<c>X-MS-CLIENT-PRINCIPAL-NAME</c>, <c>X-MS-CLIENT-PRINCIPAL-ID</c>) the author of its actions; that header is ignored when the setting
/// is off. Every call names its département and is refused outside the scope; every change carries the session's
/// CSRF token in <c>X-Cdppe-Csrf</c> and comes from this site (<c>Origin</c>, else <c>Sec-Fetch-Site</c>).
/// </summary>
public sealed class PortalAccess(IOptions<CdppeOptions> app, IOptions<PortalOptions> portal, PortalSessionStore sessions, SignInThrottle throttle, TimeProvider clock)
{
    public const string CsrfHeader = "X-Cdppe-Csrf";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string NationalRole = "National";
    public const string DepartementRolePrefix = "Departement.";

    /// <summary>The name of the global key in a session (scoped keys go by their configured name).</summary>
    public const string GlobalKeyName = "*";

    /// <summary>
    /// The one answer to a key that does not sign in, whether it exists or not: unknown, or not opening the scope
    /// asked for.
    /// </summary>
    public const string KeyRefused = "Clé d'accès invalide, ou qui ne donne pas accès à ce périmètre.";

    private static readonly string[] RoleClaimTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public PortalOptions Options => portal.Value;

    /// <summary>The signed-in person, or null.</summary>
    public async Task<PortalUser?> UserAsync(HttpRequest request, CancellationToken cancellationToken) =>
        portal.Value.PlatformAuthentication ? FromPrincipal(request) : await FromSessionAsync(request, cancellationToken);

    /// <summary>
    /// The user when the call may go on, else the problem to answer: 401 without a session, 403 for a change without
    /// the CSRF token or from another site.
    /// </summary>
    public async Task<(PortalUser? User, IActionResult? Problem)> CheckAsync(HttpRequest request, bool change, CancellationToken cancellationToken)
    {
        var user = await UserAsync(request, cancellationToken);
        if (user is null)
        {
            return (null, SignInRequired());
        }

        return change && !IsSameSiteChange(request, user)
            ? (null, Problems.Forbidden("Requête refusée : elle ne vient pas d'une page du portail (jeton anti-falsification absent ou invalide). Rechargez la page."))
            : (user, null);
    }

    /// <summary>The 403 of a département outside the user's scope, or null.</summary>
    public static IActionResult? OutOfScope(PortalUser user, Departement departement) =>
        user.Allows(departement) ? null : Problems.Forbidden($"Votre accès ne couvre pas le département {departement.Code}.");

    /// <summary>The 401 of a call without a session; in Azure it says where to sign in.</summary>
    public IActionResult SignInRequired() => portal.Value.PlatformAuthentication
        ? Problems.Problem(StatusCodes.Status401Unauthorized, "Connectez-vous avec votre compte professionnel.", new Dictionary<string, object?> { ["connexion"] = portal.Value.SignInPath })
        : Problems.Unauthorized("Connectez-vous au portail avec votre clé d'accès.");

    /// <summary>
    /// Signs in with a key: the global key opens every scope, a scoped key one of its départements. Writes the
    /// session and its cookie and returns the user, or the problem to answer (a wrong key says nothing of whether
    /// it exists; too many from one address are a 429 with <c>Retry-After</c>).
    /// </summary>
    public async Task<(PortalUser? User, IActionResult? Problem)> SignInAsync(HttpRequest request, string? key, string? scope, CancellationToken cancellationToken)
    {
        var settings = app.Value;
        if (portal.Value.PlatformAuthentication)
        {
            return (null, Problems.Unauthorized("La connexion se fait avec Microsoft Entra ID."));
        }

        if (!settings.HasAppKeys)
        {
            return (null, Problems.Unauthorized("Aucune clé d'accès n'est configurée (Cdppe__ApiKey) : la connexion est impossible."));
        }

        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
        if (throttle.LockedFor(client) is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, Problems.Problem(StatusCodes.Status429TooManyRequests, $"Trop de clés d'accès erronées depuis ce poste : la connexion est bloquée. Réessayez dans {minutes} minute{(minutes > 1 ? "s" : string.Empty)}."));
        }

        var national = string.Equals(scope?.Trim(), "national", StringComparison.OrdinalIgnoreCase);
        Departement? departement = null;
        if (!national && !Departement.TryParse(scope, out departement))
        {
            return (null, Problems.Unauthorized(string.IsNullOrWhiteSpace(scope) ? "Indiquez le code du département (par exemple 77) ou choisissez le périmètre national." : Departement.InvalidMessage(scope)));
        }

        var name = KeyName(key);
        var sessionScope = national ? "national" : departement!.Value.Code;
        if (name is null || !Opens(name, sessionScope))
        {
            throttle.Failed(client);
            return (null, Problems.Unauthorized(KeyRefused));
        }

        throttle.Succeeded(client);
        var now = clock.GetUtcNow();
        var id = PortalSessionStore.NewId();
        var session = new PortalSessionEntity
        {
            KeyName = name,
            KeyProof = PortalSessionStore.KeyProof(id, SecretOf(name)!),
            Scope = sessionScope,
            Csrf = PortalSessionStore.NewCsrf(),
            StartedAt = now,
            ExpiresAt = now + SessionLength,
        };
        await sessions.PurgeExpiredAsync(now, cancellationToken);
        await sessions.AddAsync(id, session, cancellationToken);
        SetCookie(request.HttpContext.Response, id);
        return (ToUser(session), null);
    }

    /// <summary>Ends the caller's session server-side (its cookie no longer opens anything, anywhere) and clears the cookie.</summary>
    public async Task SignOutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (PortalSessionStore.IsWellFormed(request.Cookies[PortalSessionStore.CookieName]))
        {
            await sessions.DeleteAsync(request.Cookies[PortalSessionStore.CookieName]!, cancellationToken);
        }

        SetCookie(request.HttpContext.Response, null);
    }

    private TimeSpan SessionLength => TimeSpan.FromHours(portal.Value.SessionHours);

    /// <summary>Writes the session cookie: HttpOnly (scripts never read it), SameSite=Strict, Secure over HTTPS.</summary>
    private void SetCookie(HttpResponse response, string? id)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = HttpFunctionPipeline.IsHttps(response.HttpContext.Request),
            Path = "/",
            IsEssential = true,
            MaxAge = id is null ? TimeSpan.Zero : SessionLength,
        };
        response.Cookies.Append(PortalSessionStore.CookieName, id ?? string.Empty, options);
    }

    /// <summary>
    /// The session of the cookie, when its row exists, it started less than <see cref="PortalOptions.SessionHours"/>
    /// ago (whatever the row or the cookie say), its key still has the secret it was opened with, and that key
    /// still opens its scope.
    /// </summary>
    private async Task<PortalUser?> FromSessionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var id = request.Cookies[PortalSessionStore.CookieName];
        if (!PortalSessionStore.IsWellFormed(id) || await sessions.FindAsync(id!, cancellationToken) is not { } session)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var secret = SecretOf(session.KeyName);
        var valid = now >= session.StartedAt && now < session.StartedAt + SessionLength && now < session.ExpiresAt
            && secret is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PortalSessionStore.KeyProof(id!, secret)), Encoding.ASCII.GetBytes(session.KeyProof))
            && Opens(session.KeyName, session.Scope);
        return valid ? ToUser(session) : null;
    }

    /// <summary>
    /// Whether the key <paramref name="name"/>, as configured now, opens <paramref name="scope"/> (<c>national</c> or a
    /// code): the global key and a national key every scope, a département's key one of its départements.
    /// </summary>
    private bool Opens(string name, string scope) =>
        name == GlobalKeyName ? !string.IsNullOrEmpty(app.Value.ApiKey)
        : app.Value.Keys.TryGetValue(name, out var scoped) && (scoped.IsNational || (scope != "national" && scoped.Allows(scope)));

    private PortalUser ToUser(PortalSessionEntity session)
    {
        var national = session.Scope == "national";
        var actor = session.KeyName == GlobalKeyName ? CdppeOptions.OperatorActor
            : app.Value.Keys.TryGetValue(session.KeyName, out var key) ? key.ActorOf(session.KeyName)
            : new Actor(session.KeyName, "cle:" + session.KeyName, ActorRole.Departement);
        return new PortalUser(actor.Name, SignInMode.Key, national, national ? [] : [session.Scope], session.Csrf, actor);
    }

    /// <summary>The 403 of a change asked by the national role (it reads and reviews only), or null.</summary>
    public static IActionResult? ReadOnlyRefusal(PortalUser user) => user.ReadsOnly ? Problems.Forbidden(ApiKeyCheck.NationalReadsOnly) : null;

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
            string? id = request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].FirstOrDefault();
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
                else if (type is "oid" or "http://schemas.microsoft.com/identity/claims/objectidentifier")
                {
                    id ??= value;
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
            var actor = new Actor(name ?? "Compte Entra ID", id ?? string.Empty, national ? ActorRole.National : ActorRole.Departement);
            return national || departements.Count > 0 ? new PortalUser(actor.Name, SignInMode.Entra, national, departements, "entra", actor) : null;
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
        string? found = Matches(given, app.Value.ApiKey) ? GlobalKeyName : null;
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
        name == GlobalKeyName ? app.Value.ApiKey is { Length: > 0 } k ? k : null
        : app.Value.Keys.TryGetValue(name, out var scoped) && scoped.Key.Length > 0 ? scoped.Key : null;

    private static bool Matches(byte[] given, string? expected) =>
        !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected));
}
