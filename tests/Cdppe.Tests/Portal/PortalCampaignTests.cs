using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>The campaign's portal routes: a département's key opens no other département nor the national scope, the national role reviews but does not drop.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalCampaignTests(AzuriteFixture azurite)
{
    private const string DepartementKey = "cle-portail-departement";
    private const string NationalKey = "cle-portail-etat";

    private static Dictionary<string, string?> Settings(string departement) => new()
    {
        ["Cdppe:Keys:seine:Key"] = DepartementKey,
        ["Cdppe:Keys:seine:Departements"] = departement,
        ["Cdppe:Keys:etat:Key"] = NationalKey,
        ["Cdppe:Keys:etat:Role"] = "National",
    };

    private sealed record Session(HttpClient Client, string Csrf, string Origin);

    private static async Task<(HttpStatusCode Status, Session? Session, JsonElement Body)> SignInAsync(RunningApp app, string key, string scope)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Client.BaseAddress };
        var origin = app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = key, perimetre = scope }) };
        request.Headers.Add("X-Cdppe-Csrf", "connexion");
        request.Headers.Add("Origin", origin);
        var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, new Session(client, body.GetProperty("csrf").GetString()!, origin), body)
            : (response.StatusCode, null, body);
    }

    private static async Task<HttpStatusCode> SendAsync(Session session, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Cdppe-Csrf", session.Csrf);
        request.Headers.Add("Origin", session.Origin);
        return (await session.Client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ADepartementsKeyOpensNoOtherDepartementsCampaignNorTheNationalListByAnyPortalRoute()
    {
        var dep = TestDepartements.Next();
        var other = TestDepartements.Next().Code;
        await using var app = await RunningApp.StartAsync(azurite, apiKey: "cle-operateur-portail", settings: Settings(dep.Code));

        var nationalSignIn = await SignInAsync(app, DepartementKey, "national");
        var otherSignIn = await SignInAsync(app, DepartementKey, other);
        var (_, session, me) = await SignInAsync(app, DepartementKey, dep.Code);
        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["campagne"] = await SendAsync(session!, HttpMethod.Get, $"/api/portal/campagne?departement={other}&annee=2022"),
            ["transmission"] = await SendAsync(session!, HttpMethod.Post, $"/api/portal/campagne/transmissions?departement={other}&annee=2022"),
            ["revue"] = await SendAsync(session!, HttpMethod.Post, $"/api/portal/campagne/revues?departement={other}&annee=2022", new { etat = "valide" }),
            ["paquet"] = await SendAsync(session!, HttpMethod.Get, $"/api/portal/campagne/paquets/2022-{other}-01-00000000?departement={other}&annee=2022"),
            ["campagnes"] = await SendAsync(session!, HttpMethod.Get, "/api/portal/campagnes?annee=2022"),
        };
        var own = await SendAsync(session!, HttpMethod.Get, $"/api/portal/campagne?departement={dep.Code}&annee=2022");
        var ownReview = await SendAsync(session!, HttpMethod.Post, $"/api/portal/campagne/revues?departement={dep.Code}&annee=2022", new { etat = "valide" });

        Assert.Equal(HttpStatusCode.Unauthorized, nationalSignIn.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSignIn.Status);
        Assert.Equal("Departement", me.GetProperty("roleCode").GetString());
        Assert.Equal("seine", me.GetProperty("user").GetString());
        Assert.All(answers, a => Assert.True(a.Value == HttpStatusCode.Forbidden, $"{a.Key}: {a.Value}"));
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.Forbidden, ownReview);
    }

    [Fact]
    public async Task TheNationalRoleReadsAnyDepartementAndReviewsButDropsNothing()
    {
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, apiKey: "cle-operateur-portail", settings: Settings(dep.Code));
        var (status, session, me) = await SignInAsync(app, NationalKey, "national");

        var campaign = await SendAsync(session!, HttpMethod.Get, $"/api/portal/campagne?departement={dep.Code}&annee=2022");
        var list = await SendAsync(session!, HttpMethod.Get, "/api/portal/campagnes?annee=2022");
        var consolidation = await SendAsync(session!, HttpMethod.Post, $"/api/portal/consolidations?departement={dep.Code}");
        var transmission = await SendAsync(session!, HttpMethod.Post, $"/api/portal/campagne/transmissions?departement={dep.Code}&annee=2022");
        var review = await SendAsync(session!, HttpMethod.Post, $"/api/portal/campagne/revues?departement={dep.Code}&annee=2022", new { etat = "valide" });
        var signOut = await SendAsync(session!, HttpMethod.Delete, "/api/portal/session");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("National", me.GetProperty("roleCode").GetString());
        Assert.Equal(HttpStatusCode.OK, campaign);
        Assert.Equal(HttpStatusCode.OK, list);
        Assert.Equal(HttpStatusCode.Forbidden, consolidation);
        Assert.Equal(HttpStatusCode.Forbidden, transmission);
        Assert.Equal(HttpStatusCode.Conflict, review); // allowed to review; nothing was transmitted yet
        Assert.Equal(HttpStatusCode.NoContent, signOut);
    }
}
