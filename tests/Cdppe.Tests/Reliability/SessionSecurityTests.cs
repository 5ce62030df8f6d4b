using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Portal;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Issue 22, portal sessions and sign-in, over HTTP against the running app: a forged cookie, a cookie replayed
/// after sign-out or past its expiry, a key whose rights or secret changed, wrong keys in a row, and the return
/// address of the sign-in page.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SessionSecurityTests(AzuriteFixture azurite)
{
    private const string GlobalKey = "cle-globale-sessions";
    private const string ScopedSecret = "cle-portail-limitee";
    private const string KeyRefused = "Clé d'accès invalide, ou qui ne donne pas accès à ce périmètre.";

    private static Dictionary<string, string?> Keys(string secret, string departements) => new()
    {
        ["Cdppe:Keys:portail:Key"] = secret,
        ["Cdppe:Keys:portail:Departements"] = departements,
    };

    // Case 1 (critical): the cookie used to be signed with the holder's own key, so the holder of a key limited to
    // one département wrote one for another scope, or national, expiring in the year 3000.
    [Fact]
    public async Task ACookieForgedWithTheUsersOwnKeyOpensNothing()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys(ScopedSecret, dep.Code));
        using var client = Client(app);
        var genuine = await SessionAsync(client, ScopedSecret, dep.Code);

        var national = await GetAsync(client, "/api/portal/national?annee=2022", Forged(ScopedSecret, "national"));
        var otherDepartement = await GetAsync(client, $"/api/portal/drops?departement={other.Code}", Forged(ScopedSecret, other.Code));
        var ownDepartement = await GetAsync(client, $"/api/portal/drops?departement={dep.Code}", Forged(ScopedSecret, dep.Code));
        var withGenuine = await GetAsync(client, $"/api/portal/drops?departement={dep.Code}", genuine.Cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, national.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherDepartement.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ownDepartement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withGenuine.StatusCode);
        Assert.DoesNotContain(ScopedSecret, genuine.Cookie, StringComparison.Ordinal);
    }

    // Case 9: the cookie still worked after sign-out; the expiry was the cookie's word.
    [Fact]
    public async Task ACookieOpensNothingAfterSignOutNorPastTheServersExpiry()
    {
        var dep = TestDepartements.Next();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var settings = Keys(ScopedSecret, dep.Code);
        settings["Cdppe:Portal:SessionHours"] = "8";
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: settings, services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = Client(app);
        var signedOut = await SessionAsync(client, ScopedSecret, dep.Code);
        var expiring = await SessionAsync(client, ScopedSecret, dep.Code);

        var before = await GetAsync(client, "/api/portal/session", signedOut.Cookie);
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/portal/session");
        signOut.Headers.Add("Cookie", signedOut.Cookie);
        signOut.Headers.Add("X-Cdppe-Csrf", signedOut.Csrf);
        var closed = await client.SendAsync(signOut);
        var replayed = await GetAsync(client, "/api/portal/session", signedOut.Cookie);
        clock.Advance(TimeSpan.FromHours(7.9));
        var stillOpen = await GetAsync(client, "/api/portal/session", expiring.Cookie);
        clock.Advance(TimeSpan.FromHours(0.2));
        var expired = await GetAsync(client, "/api/portal/session", expiring.Cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    // A session lives in storage: another instance (or the app after a restart) with the same keys accepts it, and
    // one whose key lost the session's département or changed its secret refuses it at once.
    [Fact]
    public async Task AKeysNewRightsOrNewSecretApplyAtOnceToItsOpenSessions()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        var both = $"{dep.Code},{other.Code}";
        await using var first = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys(ScopedSecret, both));
        await using var twin = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys(ScopedSecret, both));
        await using var narrowed = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys(ScopedSecret, dep.Code));
        await using var rotated = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys("cle-portail-renouvelee", both));
        using var client = Client(first);
        var session = await SessionAsync(client, ScopedSecret, other.Code);
        var path = $"/api/portal/drops?departement={other.Code}";

        async Task<HttpStatusCode> OnAsync(RunningApp app)
        {
            using var on = Client(app);
            return (await GetAsync(on, path, session.Cookie)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await OnAsync(first));
        Assert.Equal(HttpStatusCode.OK, await OnAsync(twin));
        Assert.Equal(HttpStatusCode.Unauthorized, await OnAsync(narrowed));
        Assert.Equal(HttpStatusCode.Unauthorized, await OnAsync(rotated));
    }

    // Case 9: no throttling of wrong keys, and the sign-in said whether a key exists.
    [Fact]
    public async Task WrongKeysAreThrottledPerClientAndNeverTellWhetherAKeyExists()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey, settings: Keys(ScopedSecret, dep.Code), services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = Client(app);
        using var neighbour = Client(app, IPAddress.Parse("127.0.0.2"));

        var unknown = await SignInAsync(client, "cle-qui-n-existe-pas", dep.Code);
        var notThisDepartement = await SignInAsync(client, ScopedSecret, other.Code);
        var notNational = await SignInAsync(client, ScopedSecret, "national");
        await SignInAsync(client, "autre-cle-inconnue", dep.Code);
        await SignInAsync(client, "encore-une-cle", dep.Code);
        var locked = await SignInAsync(client, ScopedSecret, dep.Code);
        var fromNeighbour = await SignInAsync(neighbour, ScopedSecret, dep.Code);
        clock.Advance(TimeSpan.FromMinutes(15));
        var afterTheLock = await SignInAsync(client, ScopedSecret, dep.Code);

        foreach (var refused in new[] { unknown, notThisDepartement, notNational })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(KeyRefused, await DetailAsync(refused));
        }

        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.Equal("Trop de clés d'accès erronées depuis ce poste : la connexion est bloquée. Réessayez dans 15 minutes.", await DetailAsync(locked));
        Assert.Equal(HttpStatusCode.OK, fromNeighbour.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTheLock.StatusCode);
    }

    // Case 7: "/%09/evil.example" passed the "//" check, then the browser's URL parser dropped the tab.
    [Fact]
    public async Task TheSignInPageReturnsOnlyToAPathOfTheSite()
    {
        await using var app = await RunningApp.StartAsync(azurite, apiKey: GlobalKey);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };
        string[] foreign = ["/%09/evil.example", "/%0A/evil.example", "/%0D%0A/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/", "%09//evil.example", "javascript:alert(1)"];

        foreach (var retour in foreign)
        {
            var page = await client.GetAsync(new Uri("/connexion?retour=" + retour, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"retour={retour} answered {page.StatusCode}");
            Assert.Equal("/connexion", page.Headers.Location?.OriginalString);
        }

        var own = await client.GetAsync(new Uri("/connexion?retour=%2Findicateurs%3Fdepartement%3D77", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        // The page script, run by Node on the same addresses as the browser hands them over (decoded).
        string[] decoded = ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "\t//evil.example", "javascript:alert(1)", "/indicateurs?departement=77", "/depots?departement=2A#fichiers", "/"];
        Assert.Equal(
            ["/", "/", "/", "/", "/", "/", "/", "/", "/indicateurs?departement=77", "/depots?departement=2A#fichiers", "/"],
            await ScriptReturnPathsAsync(decoded));
    }

    private static async Task<string[]> ScriptReturnPathsAsync(string[] values)
    {
        var script = PortalAssets.Find("assets/return-address.js");
        Assert.NotNull(script);
        var folder = Directory.CreateTempSubdirectory("cdppe-retour-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "return-address.mjs"), script.Content);
            await File.WriteAllTextAsync(
                Path.Combine(folder.FullName, "run.mjs"),
                "import { returnPath } from './return-address.mjs';\n"
                + "const values = JSON.parse(process.argv[2]);\n"
                + "console.log(JSON.stringify(values.map(v => returnPath(v, 'http://127.0.0.1:7071'))));\n");
            var node = new ProcessStartInfo(ExternalTools.Find("node") ?? "node") { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            node.ArgumentList.Add("run.mjs");
            node.ArgumentList.Add(JsonSerializer.Serialize(values));
            using var process = Process.Start(node)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);
            return JsonSerializer.Deserialize<string[]>(output)!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The cookie of the former format, signed with the key itself: what its holder could compute.</summary>
    private static string Forged(string secret, string scope)
    {
        var body = Base64Url(Encoding.UTF8.GetBytes($"{{\"k\":\"portail\",\"s\":\"{scope}\",\"e\":32503680000,\"c\":\"forge\"}}"));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("cdppe-portal-session|" + body));
        return $"cdppe-session={body}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A client without a cookie jar (each request carries the cookie it is given), from <paramref name="source"/> (default 127.0.0.1).</summary>
    private static HttpClient Client(RunningApp app, IPAddress? source = null) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source ?? IPAddress.Loopback, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = app.Client.BaseAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = key, perimetre = scope }) };
        request.Headers.Add("X-Cdppe-Csrf", "connexion");
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request);
    }

    /// <summary>Signs in; the session's cookie (<c>name=value</c>) and CSRF token.</summary>
    private static async Task<(string Cookie, string Csrf)> SessionAsync(HttpClient client, string key, string scope)
    {
        var response = await SignInAsync(client, key, scope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var csrf = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!;
        return (cookie, csrf);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
