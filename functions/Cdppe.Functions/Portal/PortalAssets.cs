using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Cdppe.Functions.Portal;

/// <summary>
/// The portal's pages and assets (<c>Portal/wwwroot/**</c>), embedded in the assembly at build time: the app serves
/// them from memory in both hosts and in the published package, with nothing to copy and no front-end build step.
/// </summary>
public static class PortalAssets
{
    public const string ResourcePrefix = "portal/";

    /// <summary>
    /// The page policy: scripts, styles and connections from this site only; no inline script or style, no
    /// framing, no plugin, forms posted here only.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Page routes and their files: <c>/</c> is the Accueil; <c>/indicateur?code=</c> one indicator.</summary>
    public static FrozenDictionary<string, string> Pages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [string.Empty] = "accueil.html",
        ["depots"] = "depots.html",
        ["modeles"] = "modeles.html",
        ["indicateurs"] = "indicateurs.html",
        ["indicateur"] = "indicateur.html",
        ["rapport"] = "rapport.html",
        ["national"] = "national.html",
        ["campagne"] = "campagne.html",
        ["connexion"] = "connexion.html",
        ["aide"] = "aide.html",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, PortalAsset>> All = new(Load);

    /// <summary>Every embedded file by its path under wwwroot (<c>assets/portal.css</c>).</summary>
    public static IReadOnlyDictionary<string, PortalAsset> Files => All.Value;

    public static PortalAsset? Find(string? path) =>
        path is not null && All.Value.TryGetValue(path, out var asset) ? asset : null;

    /// <summary>The file of a page route, or null.</summary>
    public static PortalAsset? Page(string? route) =>
        Pages.TryGetValue(route ?? string.Empty, out var file) ? Find(file) : null;

    /// <summary>Headers of every portal answer: the policy above, no sniffing, no referrer, no framing.</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }

    /// <summary>A file answer with its ETag (a matching <c>If-None-Match</c> gets 304) and the security headers.</summary>
    public static IActionResult Serve(HttpRequest request, PortalAsset asset)
    {
        AddSecurityHeaders(request.HttpContext.Response);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return new FileContentResult(asset.Content, asset.ContentType) { EntityTag = asset.ETag };
    }

    private static FrozenDictionary<string, PortalAsset> Load()
    {
        var assembly = typeof(PortalAssets).Assembly;
        var files = new Dictionary<string, PortalAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var type = Types.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
            files[name] = new PortalAsset(name, bytes, type, tag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
