using System.Diagnostics.CodeAnalysis;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Portal;

/// <summary>The checks every portal call starts with: signed in, CSRF for a change, the département in scope, the year.</summary>
public static class PortalCall
{
    /// <summary>The portal's API routes (the Functions route prefix is empty: pages are at the root).</summary>
    public const string Api = "api/portal/";

    /// <summary>Signed in (and a same-site change when <paramref name="change"/>); the answer is marked not to be cached.</summary>
    public static bool TrySignedIn(HttpRequest request, PortalAccess access, bool change, out PortalUser user, [NotNullWhen(false)] out IActionResult? problem)
    {
        NoStore(request.HttpContext.Response);
        problem = access.Refuse(request, change, out user);
        return problem is null;
    }

    /// <summary>Signed in, then the <c>departement</c> parameter parsed and within the user's scope.</summary>
    public static bool TryDepartement(HttpRequest request, PortalAccess access, bool change, out Departement departement, [NotNullWhen(false)] out IActionResult? problem)
    {
        departement = default;
        if (!TrySignedIn(request, access, change, out var user, out problem) || !Problems.TryDepartement(request.Query["departement"], out departement, out problem))
        {
            return false;
        }

        problem = PortalAccess.OutOfScope(user, departement);
        return problem is null;
    }

    /// <summary>As <see cref="TryDepartement"/>, and the <c>annee</c> parameter.</summary>
    public static bool TryDepartementYear(HttpRequest request, PortalAccess access, bool change, out Departement departement, out int year, [NotNullWhen(false)] out IActionResult? problem)
    {
        year = 0;
        return TryDepartement(request, access, change, out departement, out problem) && Problems.TryYear(request.Query["annee"], out year, out problem);
    }

    /// <summary>Answers with data are never kept by a browser or a proxy.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
