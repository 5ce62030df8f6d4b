using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

/// <summary>The API and the portal call the same use cases: the same outcome reads the same on both, over HTTP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SameAnswersTests(AzuriteFixture azurite)
{
    private const string Key = "cle-des-deux-surfaces";

    [Fact]
    public async Task NoDataForTheYearAnUnknownKindAndABadDepartementReadTheSameOnTheApiAndThePortal()
    {
        await using var app = await RunningApp.StartAsync(azurite, apiKey: Key);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", Key);
        using var portal = await SignInAsync(app);
        var dep = TestDepartements.Next().Code;

        var apiReport = await ProblemAsync(app.Client, $"/api/reports/annual/2022?departement={dep}");
        var portalReport = await ProblemAsync(portal, $"/api/portal/report?departement={dep}&annee=2022");
        var apiKind = await ProblemAsync(app.Client, $"/api/templates/budget?departement={dep}&annee=2022");
        var portalKind = await ProblemAsync(portal, $"/api/portal/templates/budget?departement={dep}&annee=2022");
        var apiCode = await ProblemAsync(app.Client, "/api/contrats?departement=2C");
        var portalCode = await ProblemAsync(portal, "/api/portal/drops?departement=2C");

        var noData = (HttpStatusCode.NotFound, $"Aucune donnée n'a été importée pour le département {dep} en 2022 : déposez d'abord ses classeurs.");
        Assert.Equal(noData, apiReport);
        Assert.Equal(noData, portalReport);
        var unknownKind = (HttpStatusCode.BadRequest, "« budget » n'est pas un type de classeur connu (types : plan-action, synthese-objectifs, tableau-de-bord, annexe-2-1, rapport-financier, bilans-fiches, suivi-mensuel).");
        Assert.Equal(unknownKind, apiKind);
        Assert.Equal(unknownKind, portalKind);
        var badCode = (HttpStatusCode.BadRequest, "« 2C » n'est pas un code de département INSEE valide (attendu : 01 à 95, 2A, 2B ou 971 à 976).");
        Assert.Equal(badCode, apiCode);
        Assert.Equal(badCode, portalCode);
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> ProblemAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("detail").GetString());
    }

    /// <summary>A portal session of national scope, signed in as the sign-in page does (the client keeps the cookie).</summary>
    private static async Task<HttpClient> SignInAsync(RunningApp app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = Key, perimetre = "national" }) };
        request.Headers.Add("X-Cdppe-Csrf", "connexion");
        request.Headers.Add("Origin", app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
