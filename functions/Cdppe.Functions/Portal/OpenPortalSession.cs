using System.Text.Json;
using Cdppe.Functions.Hosting;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>POST /api/portal/session</c> <c>{ "cle": "…", "perimetre": "77" | "national" }</c> (standalone sign-in page):
/// opens a server-side session and sets its cookie. Only from a page of this site, with the custom header a
/// cross-site form cannot send; wrong keys are throttled per client address (<see cref="SignInThrottle"/>).
/// </summary>
public sealed class OpenPortalSession(PortalAccess access)
{
    public const int MaxBodyBytes = 4_096;

    [Function(nameof(OpenPortalSession))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "session")] HttpRequest request, CancellationToken cancellationToken)
    {
        PortalCall.NoStore(request.HttpContext.Response);
        if (string.IsNullOrEmpty(request.Headers[PortalAccess.CsrfHeader]) || !PortalAccess.IsSameOrigin(request))
        {
            return Problems.Forbidden("Requête refusée : elle ne vient pas de la page de connexion du portail.");
        }

        // A few hundred bytes at most: read no further than the limit, whatever the length announced.
        var body = new byte[MaxBodyBytes + 1];
        var read = 0;
        for (var n = -1; n != 0 && read < body.Length; read += n)
        {
            n = await request.Body.ReadAsync(body.AsMemory(read), cancellationToken);
        }

        if (read > MaxBodyBytes)
        {
            return Problems.BadRequest("Corps de requête trop long.");
        }

        SignInForm? form;
        try
        {
            form = JsonSerializer.Deserialize<SignInForm>(body.AsSpan(0, read), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            form = null;
        }

        var (user, problem) = await access.SignInAsync(request, form?.Cle, form?.Perimetre, cancellationToken);
        return problem ?? new OkObjectResult(user!.ToJson());
    }

    private sealed record SignInForm(string? Cle, string? Perimetre);
}
