using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>Sign-in, scope, CSRF and upload checks of the portal, over HTTP against the running app.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalAccessTests(AzuriteFixture azurite)
{
    private const string GlobalKey = "cle-globale-portail";
    private const string ScopedKey = "cle-portail-scopee";

    private static Dictionary<string, string?> Settings(string departement, bool platform = false) => new()
    {
        ["Cdppe:Keys:portail:Key"] = ScopedKey,
        ["Cdppe:Keys:portail:Departements"] = departement,
        ["Cdppe:Portal:PlatformAuthentication"] = platform ? "true" : "false",
    };

    private sealed record Session(HttpClient Client, string Csrf, CookieContainer Cookies);

    /// <summary>Signs in as the sign-in page does; the client keeps the cookie.</summary>
    private static async Task<Session> SignInAsync(RunningApp app, string key, string scope)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = key, perimetre = scope }) };
        request.Headers.Add("X-Cdppe-Csrf", "connexion");
        request.Headers.Add("Origin", app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, cookie, StringComparison.Ordinal);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Session(client, body.GetProperty("csrf").GetString()!, cookies);
    }

    private static HttpRequestMessage Change(HttpMethod method, string path, Session session, HttpContent? content = null, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Cdppe-Csrf", session.Csrf);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [Fact]
    public async Task PagesNeedASessionAndCarryAStrictContentSecurityPolicy()
    {
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings("77"));
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };

        var page = await anonymous.GetAsync(new Uri("/indicateurs?departement=77", UriKind.Relative));
        var signIn = await anonymous.GetAsync(new Uri("/connexion", UriKind.Relative));
        var api = await anonymous.GetAsync(new Uri("/api/portal/overview?departement=77&annee=2022", UriKind.Relative));
        var help = await anonymous.GetAsync(new Uri("/aide", UriKind.Relative));
        using var table = new StringContent("{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":[[1]]}", Encoding.UTF8, "application/json");
        var export = await anonymous.PostAsync(new Uri("/api/portal/tables/xlsx", UriKind.Relative), table);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/connexion?retour=%2Findicateurs%3Fdepartement%3D77", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var csp = string.Join(' ', signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", signIn.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        // The help page, with the legal notice and the accessibility statement, is open to all; exports are not.
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains("partiellement conforme", await help.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task AScopedKeySeesItsDepartementOnlyAndNeverTheNationalPage()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings(dep.Code));
        await new Services(app.Storage).DropAndIngestAsync(other.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var session = await SignInAsync(app, ScopedKey, dep.Code);

        var own = await session.Client.GetAsync(new Uri($"/api/portal/overview?departement={dep.Code}&annee=2022", UriKind.Relative));
        var foreign = await session.Client.GetAsync(new Uri($"/api/portal/drops?departement={other.Code}", UriKind.Relative));
        var report = await session.Client.GetAsync(new Uri($"/api/portal/report?departement={other.Code}&annee=2022", UriKind.Relative));
        var national = await session.Client.GetAsync(new Uri("/api/portal/national?annee=2022", UriKind.Relative));
        using var refused = new HttpClient { BaseAddress = app.Client.BaseAddress };
        using var nationalRequest = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = ScopedKey, perimetre = "national" }) };
        nationalRequest.Headers.Add("X-Cdppe-Csrf", "connexion");
        var nationalSignIn = await refused.SendAsync(nationalRequest);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains($"Votre accès ne couvre pas le département {other.Code}.", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, national.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nationalSignIn.StatusCode);
    }

    [Fact]
    public async Task ChangesNeedTheCsrfTokenAndAPageOfThisSite()
    {
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings(dep.Code));
        var session = await SignInAsync(app, GlobalKey, dep.Code);
        var path = $"/api/portal/consolidations?departement={dep.Code}";

        using var withoutToken = new HttpRequestMessage(HttpMethod.Post, path);
        var noToken = await session.Client.SendAsync(withoutToken);
        using var wrongToken = Change(HttpMethod.Post, path, session with { Csrf = "faux" });
        var wrong = await session.Client.SendAsync(wrongToken);
        using var otherSite = Change(HttpMethod.Post, path, session, origin: "https://malveillant.example");
        var foreign = await session.Client.SendAsync(otherSite);
        using var good = Change(HttpMethod.Post, path, session, origin: app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var ok = await session.Client.SendAsync(good);

        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task ThePlatformPrincipalIsIgnoredUnlessPlatformAuthenticationIsOn()
    {
        var dep = TestDepartements.Next();
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "roles", val = $"Departement.{dep.Code}" }, new { typ = "name", val = "Agent du département" } },
            name_typ = "name",
            role_typ = "roles",
        })));

        async Task<(HttpStatusCode Own, HttpStatusCode Other)> CallAsync(bool platform)
        {
            await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings(dep.Code, platform));
            using var client = new HttpClient { BaseAddress = app.Client.BaseAddress };
            client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
            var own = await client.GetAsync(new Uri($"/api/portal/drops?departement={dep.Code}", UriKind.Relative));
            var other = await client.GetAsync(new Uri("/api/portal/drops?departement=93", UriKind.Relative));
            return (own.StatusCode, other.StatusCode);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), await CallAsync(platform: false));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), await CallAsync(platform: true));
    }

    [Fact]
    public async Task DropsAreCheckedBeforeTheirBodyIsReadAndFollowedByTheirId()
    {
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings(dep.Code));
        var session = await SignInAsync(app, ScopedKey, dep.Code);
        var path = $"/api/portal/drops?departement={dep.Code}";

        async Task<HttpResponseMessage> DropAsync(string name, HttpContent content)
        {
            using var request = Change(HttpMethod.Post, path, session, content);
            request.Headers.Add("X-Cdppe-Fichier", Uri.EscapeDataString(name));
            return await session.Client.SendAsync(request);
        }

        var tooLarge = await AnnouncedTooLargeAsync(app, session, path);
        var notWorkbook = await DropAsync("notes.txt", new ByteArrayContent("bonjour"u8.ToArray()));
        var pdf = await DropAsync("pdf-renomme.xlsx", new ByteArrayContent(PortalCorpus.Bytes("bad/pdf-renomme.xlsx")));
        var accepted = await DropAsync("rapport-financier-2022.xlsx", new ByteArrayContent(SampleWorkbooks.RapportFinancier2022()));
        var otherPrograms = Path.Combine(AppContext.BaseDirectory, "Ingestion", "Corpus", "other-programs", "libreoffice");
        var ods = await DropAsync("plan-action-2020-2022.ods", new ByteArrayContent(File.ReadAllBytes(Path.Combine(otherPrograms, "plan-action-2020-2022.ods"))));
        var xls = await DropAsync("plan-action-2020-2022.xls", new ByteArrayContent(File.ReadAllBytes(Path.Combine(otherPrograms, "plan-action-2020-2022.xls"))));

        Assert.StartsWith("HTTP/1.1 413", tooLarge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notWorkbook.StatusCode);
        Assert.Contains("Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés.", await notWorkbook.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (ods.StatusCode, xls.StatusCode));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.True(await app.Storage.Uploads.GetBlobClient($"{dep.Code}/rapport-financier-2022.xlsx").ExistsAsync());
        Assert.False(await app.Storage.Uploads.GetBlobClient($"{dep.Code}/pdf-renomme.xlsx").ExistsAsync());

        var pending = await session.Client.GetAsync(new Uri($"/api/portal/drops/{id}?departement={dep.Code}", UriKind.Relative));
        await new Services(app.Storage).Ingestor.IngestAsync($"{dep.Code}/rapport-financier-2022.xlsx");
        var done = await session.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/portal/drops/{id}?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        Assert.Equal("importé", done.GetProperty("statusLabel").GetString());
        Assert.True(done.GetProperty("issues").GetArrayLength() > 0);
    }

    /// <summary>Announces 200 Mo and sends a few bytes: the answer must come before the body (raw socket: HttpClient would insist on sending it all).</summary>
    private static async Task<string> AnnouncedTooLargeAsync(RunningApp app, Session session, string path)
    {
        var cookie = session.Cookies.GetCookieHeader(app.Client.BaseAddress!);
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(app.Client.BaseAddress!.Host, app.Client.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {app.Client.BaseAddress.Authority}\r\nCookie: {cookie}\r\nX-Cdppe-Csrf: {session.Csrf}\r\nX-Cdppe-Fichier: gros.xlsx\r\nContent-Type: application/octet-stream\r\nContent-Length: {200L * 1024 * 1024}\r\n\r\nPK";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    [Fact]
    public async Task AReplacementTemplateIsCheckedWithTheYearsDataBeforeItIsInForce()
    {
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Settings(dep.Code));
        await new Services(app.Storage).DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var session = await SignInAsync(app, ScopedKey, dep.Code);
        var path = $"/api/portal/report/template?departement={dep.Code}&annee=2022";

        using var broken = Change(HttpMethod.Put, path, session, new ByteArrayContent(Docx.Create(Docx.P("Total : {{totl.budgetGlobal | euros}}"))));
        var refused = await session.Client.SendAsync(broken);
        var stillBuiltIn = await session.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/portal/report/template/info?departement={dep.Code}", UriKind.Relative));
        using var good = Change(HttpMethod.Put, path, session, new ByteArrayContent(Docx.Create(Docx.P("Total : {{total.budgetGlobal | euros}}"))));
        var accepted = await session.Client.SendAsync(good);
        var inForce = await session.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/portal/report/template/info?departement={dep.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("totl", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(stillBuiltIn.GetProperty("builtIn").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal($"templates/{dep.Code}/rapport-execution.docx", inForce.GetProperty("source").GetString());
    }
}
