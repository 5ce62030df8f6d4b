using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// The app's key check of every HTTP function whose level is not anonymous (header <c>x-functions-key</c> or
/// query <c>code</c>, compared in constant time with every configured key). The all-départements key
/// (<c>Cdppe__ApiKey</c>) opens every route; a scoped key (<c>Cdppe__Keys__{name}__Key</c> + <c>__Departements</c>)
/// opens only the requests of its départements. In Azure the Functions host has already checked its function
/// keys, and those alone open the routes: the app only narrows a key that is also one of its scoped keys to that
/// key's départements (docs/deploy.md, "Keys scoped to départements").
/// </summary>
public sealed class ApiKeyCheck(IOptions<CdppeOptions> options)
{
    public const string HeaderName = "x-functions-key";

    public const string QueryName = "code";

    /// <summary>Null when the request may go on, else the 401 or 403 problem to answer.</summary>
    public IActionResult? Refuse(HttpContext context, bool hostCheckedKey)
    {
        var settings = options.Value;
        if (!settings.HasAppKeys)
        {
            return hostCheckedKey ? null : Problems.Unauthorized("Aucune clé d'API n'est configurée (Cdppe__ApiKey) : l'accès est refusé.");
        }

        var request = context.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(given))
        {
            return hostCheckedKey ? null : Problems.Unauthorized("Clé d'API absente : passez-la dans l'en-tête x-functions-key ou le paramètre code.");
        }

        var givenBytes = Encoding.UTF8.GetBytes(given);
        var isGlobal = Matches(givenBytes, settings.ApiKey);
        ScopedKey? scoped = null;
        foreach (var key in settings.Keys.Values)
        {
            // Every key is compared, whatever matched before, so that timing says nothing about which one did.
            if (Matches(givenBytes, key.Key))
            {
                scoped ??= key;
            }
        }

        if (isGlobal)
        {
            return null;
        }

        if (scoped is null)
        {
            // Under the Functions host, a key the app does not know is one of the host's keys: it opens every département.
            return hostCheckedKey ? null : Problems.Unauthorized("Clé d'API invalide.");
        }

        var departement = RequestedDepartement(context);
        if (departement is null || !scoped.Allows(departement))
        {
            return Problems.Forbidden(departement is null
                ? "Cette clé est limitée à certains départements : précisez le paramètre « departement »."
                : $"Cette clé ne donne pas accès au département {departement}.");
        }

        return null;
    }

    /// <summary>
    /// The département a request is about: route value or query parameter <c>departement</c>, as given (compared
    /// as is with the key's codes, so an encoded or dotted value never matches one).
    /// </summary>
    public static string? RequestedDepartement(HttpContext context) =>
        (context.Request.RouteValues.TryGetValue("departement", out var value) ? value?.ToString() : null)
        ?? context.Request.Query["departement"].FirstOrDefault();

    private static bool Matches(byte[] given, string? expected) =>
        !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected));
}
