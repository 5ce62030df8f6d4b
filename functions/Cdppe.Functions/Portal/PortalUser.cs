using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Portal;

/// <summary>How a person signed in: a key on the sign-in page, or Microsoft Entra ID through App Service Authentication.</summary>
public enum SignInMode
{
    Key,
    Entra,
}

/// <summary>
/// A person using the portal and what they may see: every département (national scope) or theirs. <see cref="Csrf"/>
/// is the token every change must carry in the <c>X-Cdppe-Csrf</c> header.
/// </summary>
public sealed record PortalUser(string User, SignInMode Mode, bool National, IReadOnlyList<string> Departements, string Csrf)
{
    public bool Allows(Departement departement) => National || Departements.Contains(departement.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>What the pages read: the user, the scope and the CSRF token (the key never leaves the cookie's signature).</summary>
    public object ToJson() => new
    {
        user = User,
        mode = Mode == SignInMode.Entra ? "entra" : "cle",
        national = National,
        departements = Departements,
        csrf = Csrf,
    };
}

/// <summary>
/// The session cookie of a key sign-in: the scope, the expiry, a random CSRF token and the name of the key, signed
/// with HMAC-SHA256 keyed by that key. The key itself is not in it; a key rotated or removed ends its sessions.
/// </summary>
public static class PortalSessionToken
{
    public const string CookieName = "cdppe-session";

    /// <summary>The global key's name in <see cref="Payload.Key"/> (scoped keys go by their configured name).</summary>
    public const string GlobalKeyName = "*";

    public sealed record Payload(
        [property: JsonPropertyName("k")] string Key,
        [property: JsonPropertyName("s")] string Scope,
        [property: JsonPropertyName("e")] long ExpiresAt,
        [property: JsonPropertyName("c")] string Csrf);

    public static string Create(Payload payload, string secret)
    {
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return body + "." + Base64Url(Sign(body, secret));
    }

    /// <summary>The payload when the token is well formed and signed by <paramref name="secretOf"/>'s key, else null (expiry not checked here).</summary>
    public static Payload? Read(string? token, Func<string, string?> secretOf)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 2_048)
        {
            return null;
        }

        try
        {
            var body = token[..dot];
            var payload = JsonSerializer.Deserialize<Payload>(FromBase64Url(body));
            var secret = payload is null ? null : secretOf(payload.Key);
            return secret is not null && CryptographicOperations.FixedTimeEquals(Sign(body, secret), FromBase64Url(token[(dot + 1)..])) ? payload : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public static string NewCsrf() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static byte[] Sign(string body, string secret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("cdppe-portal-session|" + body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
