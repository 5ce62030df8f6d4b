using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// The portal through the Functions host's HTTP forwarding: sign-in (its cookie and CSRF token), a page, a drop
/// (ingested when Event Grid announces it), the report download; the CSRF check and the session cookie's
/// attributes survive the host.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostPortalTests(FunctionsHostFixture fixture)
{
    [FunctionsHostFact]
    public async Task SignInAPageADropAndTheReportThroughTheHost()
    {
        var dep = TestDepartements.Next().Code;
        var origin = fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var cookies = new CookieContainer();
        using var portal = fixture.Host.Client(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        var before = await portal.GetAsync(new Uri("/depots", UriKind.Relative));
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/portal/session", UriKind.Relative)) { Content = JsonContent.Create(new { cle = FunctionsHostFixture.PortalKey, perimetre = "national" }) };
        signIn.Headers.Add("X-Cdppe-Csrf", "connexion");
        signIn.Headers.Add("Origin", origin);
        var session = await portal.SendAsync(signIn);
        var cookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        var csrf = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!;
        var page = await portal.GetAsync(new Uri("/depots", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Redirect, "/connexion?retour=%2Fdepots"), (before.StatusCode, before.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(FunctionsHostFixture.PortalKey, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.HeaderContentType());
        Assert.NotNull(page.Headers.GetValues("Content-Security-Policy").SingleOrDefault());

        var path = $"/api/portal/drops?departement={dep}";
        using var withoutToken = Drop(path, csrf: null, origin);
        using var otherSite = Drop(path, csrf, "https://malveillant.example");
        using var good = Drop(path, csrf, origin);
        var refused = await portal.SendAsync(withoutToken);
        var foreign = await portal.SendAsync(otherSite);
        var dropped = await portal.SendAsync(good);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.HeaderContentType());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, dropped.StatusCode);
        var id = (await dropped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // In Azure, Event Grid announces the dropped blob; here the test posts the same event.
        var storage = await fixture.Azurite.StorageAsync();
        using var host = fixture.Host.Client();
        await EventGridEvents.PostAsync(host, [await EventGridEvents.BlobCreatedAsync(storage.Uploads.GetBlobClient($"{dep}/rapport-financier-2022.xlsx"))]);
        var status = await DropStatusAsync(portal, $"/api/portal/drops/{id}?departement={dep}");
        var report = await portal.GetAsync(new Uri($"/api/portal/report?departement={dep}&annee=2022", UriKind.Relative));

        Assert.Equal("importé", status);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.Content.HeaderContentType());
        Assert.Equal($"rapport-execution-{dep}-2022.docx", report.Content.Headers.ContentDisposition?.FileNameStar ?? report.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("PK"u8.ToArray(), (await report.Content.ReadAsByteArrayAsync())[..2]);
    }

    private static HttpRequestMessage Drop(string path, string? csrf, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(Cdppe.Samples.SampleWorkbooks.RapportFinancier2022()) };
        request.Headers.Add("X-Cdppe-Fichier", "rapport-financier-2022.xlsx");
        request.Headers.Add("Origin", origin);
        if (csrf is not null)
        {
            request.Headers.Add("X-Cdppe-Csrf", csrf);
        }

        return request;
    }

    /// <summary>The drop's status label, once it is no longer pending (404 while the ingestion has not recorded it; 2 minutes at most).</summary>
    private static async Task<string?> DropStatusAsync(HttpClient portal, string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await portal.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusLabel").GetString() : response.StatusCode.ToString();
            }

            await Task.Delay(250);
        }
    }
}
