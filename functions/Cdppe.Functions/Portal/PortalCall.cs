using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Portal;

/// <summary>The checks every portal call starts with: signed in, CSRF for a change, the département in scope, the year.</summary>
public static class PortalCall
{
    /// <summary>The portal's API routes (the Functions route prefix is empty: pages are at the root).</summary>
    public const string Api = "api/portal/";

    /// <summary>Signed in (and a same-site change when <paramref name="change"/>); the answer is marked not to be cached.</summary>
    public static async Task<PortalCallCheck> SignedInAsync(HttpRequest request, PortalAccess access, bool change, CancellationToken cancellationToken)
    {
        NoStore(request.HttpContext.Response);
        var (user, problem) = await access.CheckAsync(request, change, cancellationToken);
        return problem is null ? new PortalCallCheck(null, user!) : PortalCallCheck.Refused(problem);
    }

    /// <summary>Signed in, then the <c>departement</c> parameter parsed and within the user's scope.</summary>
    public static async Task<PortalCallCheck> DepartementAsync(HttpRequest request, PortalAccess access, bool change, CancellationToken cancellationToken)
    {
        var call = await SignedInAsync(request, access, change, cancellationToken);
        if (call.Problem is not null)
        {
            return call;
        }

        if (!Problems.TryDepartement(request.Query["departement"], out var departement, out var problem))
        {
            return PortalCallCheck.Refused(problem);
        }

        return PortalAccess.OutOfScope(call.User, departement) is { } refused ? PortalCallCheck.Refused(refused) : call with { Departement = departement };
    }

    /// <summary>As <see cref="DepartementAsync"/>, and the <c>annee</c> parameter.</summary>
    public static async Task<PortalCallCheck> DepartementYearAsync(HttpRequest request, PortalAccess access, bool change, CancellationToken cancellationToken)
    {
        var call = await DepartementAsync(request, access, change, cancellationToken);
        if (call.Problem is not null)
        {
            return call;
        }

        return Problems.TryYear(request.Query["annee"], out var year, out var problem) ? call with { Year = year } : PortalCallCheck.Refused(problem);
    }

    /// <summary>Answers with data are never kept by a browser or a proxy.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
