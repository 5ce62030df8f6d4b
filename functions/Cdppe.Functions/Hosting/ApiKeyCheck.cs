using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// The app's key check of every HTTP function whose level is not anonymous (header <c>x-functions-key</c> or
/// query <c>code</c>, compared in constant time with every configured key). The all-départements key
/// (<c>Cdppe__ApiKey</c>) opens every route; a scoped key (<c>Cdppe__Keys__{name}__Key</c> + <c>__Departements</c>)
/// opens only the requests of its départements. In Azure the Functions host has already checked its function
/// keys, and those alone open the routes: the app only narrows a key that is also one of its scoped keys to that
/// key's départements (docs/deploy.md, "Keys scoped to départements"). A key with the
/// role National reads every département and changes nothing but a review (<see cref="NationalReviewAttribute"/>).
/// The key that let the request in is its author (<see cref="ActorOf"/>).
/// </summary>
public sealed class ApiKeyCheck(IOptions<CdppeOptions> options)
{
    public const string HeaderName = "x-functions-key";

    public const string QueryName = "code";

    public const string NationalReadsOnly = "Le rôle National lit tous les départements et instruit les campagnes : il ne dépose pas, ne consolide pas, ne modifie pas et ne transmet pas.";

    /// <summary>Who acts in Azure when the Functions host checked one of its own function keys and the app has none.</summary>
    public static Actor FunctionKeyActor { get; } = new("Clé de fonction Azure", "cle-fonction", ActorRole.Operator);

    private const string ActorItem = "cdppe.actor";

    /// <summary>The author of a request the key check let in.</summary>
    public static Actor ActorOf(HttpContext context) => context.Items[ActorItem] as Actor ?? FunctionKeyActor;

    /// <summary>
    /// Null when the request may go on (its author then in <see cref="ActorOf"/>), else the 401 or 403 problem to
    /// answer. <paramref name="nationalMayChange"/>: the function is a review, which the national role may send.
    /// </summary>
    public IActionResult? Refuse(HttpContext context, bool hostCheckedKey, bool nationalMayChange = false)
    {
        var settings = options.Value;
        if (!settings.HasAppKeys)
        {
            context.Items[ActorItem] = FunctionKeyActor;
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
        string? scopedName = null;
        foreach (var (name, key) in settings.Keys)
        {
            // Every key is compared, whatever matched before, so that timing says nothing about which one did.
            if (Matches(givenBytes, key.Key) && scoped is null)
            {
                scoped = key;
                scopedName = name;
            }
        }

        if (isGlobal)
        {
            context.Items[ActorItem] = CdppeOptions.OperatorActor;
            return null;
        }

        if (scoped is null)
        {
            // Under the Functions host, a key the app does not know is one of the host's keys: it opens every département.
            return hostCheckedKey ? null : Problems.Unauthorized("Clé d'API invalide.");
        }

        context.Items[ActorItem] = scoped.ActorOf(scopedName!);
        if (scoped.IsNational)
        {
            return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || nationalMayChange ? null : Problems.Forbidden(NationalReadsOnly);
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
