using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// Every route of the API description, called through the Azure Functions host with its function keys, answers
/// as the standalone host answers the same request on the same storage (status, content type, French problem);
/// the keys: the host's keys open every route, an app key scoped to a département narrows a host key to it.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostApiTests(FunctionsHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [FunctionsHostFact]
    public async Task EveryDescribedRouteAnswersThroughTheHostAsInTheStandaloneHost()
    {
        output.WriteLine($"publish: {PublishedApp.PublishTime.TotalSeconds:F1} s; host start to the first 200 on /api/health: {fixture.Host.StartToFirst200.TotalSeconds:F1} s");
        var storage = await fixture.Azurite.StorageAsync();
        await storage.Uploads.GetBlobClient("77/rapport-financier-2022.xlsx").UploadAsync(new BinaryData(Cdppe.Samples.SampleWorkbooks.RapportFinancier2022()), overwrite: true);
        await new Services(storage).Ingestor.IngestAsync("77/rapport-financier-2022.xlsx");
        await using var standalone = await RunningApp.StartAsync(fixture.Azurite, apiKey: FunctionsHostFixture.PortalKey);
        using var host = fixture.Host.Client();
        using var description = JsonDocument.Parse(await host.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)));

        var answers = new List<string>();
        foreach (var (method, path) in Operations(description.RootElement))
        {
            var throughHost = await SendAsync(host, method, path, FunctionsHostProcess.DefaultKey);
            var alone = await SendAsync(standalone.Client, method, path, FunctionsHostFixture.PortalKey);

            Assert.Equal(alone, throughHost);
            answers.Add($"{method} {path.Split('?')[0]} {throughHost.Status} {throughHost.ContentType}");
        }

        output.WriteLine(string.Join('\n', answers));

        // The literals: what each described route answers on this data (the sample rapport financier of 2022 for 77).
        Assert.Equal(
            [
                "GET /api/campagnes/2022 200 application/json",
                "POST /api/campagnes/2022/revues 400 application/problem+json",
                "POST /api/campagnes/2022/transmissions 403 application/problem+json",
                "GET /api/campagnes/2022/transmissions/2022-77-01-3fa2b1c0 404 application/problem+json",
                "GET /api/consolidations 200 application/json",
                "POST /api/consolidations 200 application/json",
                "GET /api/contrats 200 application/json",
                "GET /api/exports/annexe-2-1/2024 404 application/problem+json",
                "GET /api/exports/national/2022 200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "GET /api/exports/rapport-financier/2022 200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "GET /api/exports/tableau-de-bord/2022 404 application/problem+json",
                "GET /api/health 200 application/json",
                "HEAD /api/health 200 application/json",
                "GET /api/ingestions 200 application/json",
                "GET /api/openapi.json 200 application/json",
                "GET /api/reports/annual/2022 200 application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "GET /api/reports/annual/2022/textes 200 application/json",
                "PUT /api/reports/annual/2022/textes 400 application/problem+json",
                "GET /api/reports/annual/2022/versions 200 application/json",
                "GET /api/reports/annual/2022/versions/20230615T093012345Z-a1b2c3 404 application/problem+json",
                "GET /api/reports/template 200 application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "GET /api/snapshots 200 application/json",
                "GET /api/templates/suivi-mensuel 200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "PUT /api/uploads/77/rapport-financier-2022.xlsx 202 application/json",
            ],
            answers);
    }

    [FunctionsHostFact]
    public async Task ProblemsCrossTheHostInFrenchAndUnchanged()
    {
        await using var standalone = await RunningApp.StartAsync(fixture.Azurite, apiKey: FunctionsHostFixture.PortalKey);
        using var host = fixture.Host.Client();

        foreach (var path in new[] { "/api/contrats?departement=2C", "/api/templates/budget?departement=77&annee=2022", "/api/reports/annual/2019?departement=971", "/api/snapshots?departement=77&from=2022-12&to=2022-01" })
        {
            var throughHost = await SendAsync(host, HttpMethod.Get, path, FunctionsHostProcess.DefaultKey);
            Assert.Equal(await SendAsync(standalone.Client, HttpMethod.Get, path, FunctionsHostFixture.PortalKey), throughHost);
            Assert.Equal("application/problem+json", throughHost.ContentType);
        }

        var badCode = await SendAsync(host, HttpMethod.Get, "/api/contrats?departement=2C", FunctionsHostProcess.DefaultKey);
        Assert.Equal((400, "« 2C » n'est pas un code de département INSEE valide (attendu : 01 à 95, 2A, 2B ou 971 à 976)."), (badCode.Status, badCode.Detail));
    }

    [FunctionsHostFact]
    public async Task TheHostsKeysOpenEveryRouteAndAScopedAppKeyNarrowsAHostKeyToItsDepartement()
    {
        using var host = fixture.Host.Client();
        var scoped = FunctionsHostFixture.ScopedDepartement;

        var withoutKey = await SendAsync(host, HttpMethod.Get, "/api/ingestions?departement=77", key: null);
        var wrongKey = await SendAsync(host, HttpMethod.Get, "/api/ingestions?departement=77", "cle-inconnue");
        var hostKey = await SendAsync(host, HttpMethod.Get, "/api/ingestions?departement=77", FunctionsHostProcess.DefaultKey);
        var hostKeyInQuery = await host.GetAsync(new Uri($"/api/ingestions?departement=77&code={FunctionsHostProcess.DefaultKey}", UriKind.Relative));
        var portalKey = await SendAsync(host, HttpMethod.Get, "/api/ingestions?departement=77", FunctionsHostFixture.PortalKey);
        var scopedOwn = await SendAsync(host, HttpMethod.Get, $"/api/ingestions?departement={scoped}", FunctionsHostFixture.ScopedKey);
        var scopedOther = await SendAsync(host, HttpMethod.Get, "/api/ingestions?departement=77", FunctionsHostFixture.ScopedKey);
        var scopedUpload = await SendAsync(host, HttpMethod.Put, "/api/uploads/77/rapport-financier-2022.xlsx", FunctionsHostFixture.ScopedKey);

        // The host refuses a missing or unknown key itself (401 with an empty body: the app is not reached).
        Assert.Equal((401, string.Empty, (string?)null), (withoutKey.Status, withoutKey.ContentType, withoutKey.Detail));
        Assert.Equal((401, string.Empty, (string?)null), (wrongKey.Status, wrongKey.ContentType, wrongKey.Detail));
        Assert.Equal(200, hostKey.Status);
        Assert.Equal(HttpStatusCode.OK, hostKeyInQuery.StatusCode);
        Assert.Equal(200, portalKey.Status);
        Assert.Equal(200, scopedOwn.Status);
        Assert.Equal((403, "Cette clé ne donne pas accès au département 77."), (scopedOther.Status, scopedOther.Detail));
        Assert.Equal((403, "Cette clé ne donne pas accès au département 77."), (scopedUpload.Status, scopedUpload.Detail));
    }

    /// <summary>Every operation of the description, with its parameters' examples (the upload sends the sample workbook).</summary>
    private static IEnumerable<(HttpMethod Method, string Path)> Operations(JsonElement description)
    {
        foreach (var path in description.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var url = path.Name;
                var query = new List<string>();
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        var name = parameter.GetProperty("name").GetString()!;
                        if (!parameter.TryGetProperty("example", out var example))
                        {
                            continue;
                        }

                        if (parameter.GetProperty("in").GetString() == "path")
                        {
                            url = url.Replace("{" + name + "}", example.GetString(), StringComparison.Ordinal);
                        }
                        else
                        {
                            query.Add($"{name}={Uri.EscapeDataString(example.GetString()!)}");
                        }
                    }
                }

                yield return (new HttpMethod(operation.Name.ToUpperInvariant()), query.Count == 0 ? url : url + "?" + string.Join('&', query));
            }
        }
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, string? key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent(Cdppe.Samples.SampleWorkbooks.RapportFinancier2022());
        }

        using var response = await client.SendAsync(request);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        string? detail = null;
        if (contentType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            detail = problem.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        }

        return new Answer((int)response.StatusCode, contentType, detail);
    }

    private sealed record Answer(int Status, string ContentType, string? Detail);
}
