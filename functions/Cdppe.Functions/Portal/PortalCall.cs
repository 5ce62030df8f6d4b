using Cdppe.Functions.Hosting;

namespace Cdppe.Functions.Portal;

/// <summary>
/// How every portal call starts: the answer marked not to be cached, then the <see cref="RequestBinder"/> of the
/// request, refused unless <see cref="PortalAccess"/> lets the person in (signed in, and a same-site change when
/// <c>change</c>), and checking each département it reads against the person's scope.
/// </summary>
public static class PortalCall
{
    /// <summary>The portal's API routes (the Functions route prefix is empty: pages are at the root).</summary>
    public const string Api = "api/portal/";

    /// <summary>
    /// The binder of a portal call, and the signed-in person (null when the binder is refused). A change by the
    /// national role is refused unless <paramref name="nationalMayChange"/> (a review, a sign-out: it reads and reviews only).
    /// </summary>
    public static async Task<(RequestBinder Bind, PortalUser? User)> BindAsync(HttpRequest request, PortalAccess access, bool change, CancellationToken cancellationToken, bool nationalMayChange = false)
    {
        NoStore(request.HttpContext.Response);
        var (user, refused) = await access.CheckAsync(request, change, cancellationToken);
        if (refused is null && change && !nationalMayChange)
        {
            refused = PortalAccess.ReadOnlyRefusal(user!);
        }

        return (new RequestBinder(request, refused, departement => PortalAccess.OutOfScope(user!, departement)), user);
    }

    /// <summary>Answers with data are never kept by a browser or a proxy.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
