using System.Net;
using Cdppe.Functions.Hosting;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Cdppe.Tests.Reliability;

[Collection(AzuriteCollection.Name)]
public sealed class SecurityTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> ScopedKeys = new()
    {
        ["Cdppe:Keys:seineetmarne:Key"] = "key-77",
        ["Cdppe:Keys:seineetmarne:Departements"] = "77",
        ["Cdppe:Keys:corse:Key"] = "key-2a",
        ["Cdppe:Keys:corse:Departements"] = "2A,2B",
    };

    /// <summary>Every /api route of the running app, with its method and a concrete path for département <paramref name="dep"/>.</summary>
    private static List<(string Method, string Path)> ApiRoutes(RunningApp app, string dep) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<DeclaredFunction>() is { IsAnonymous: false })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText!)))
            .Select(r => (r.Item1, r.Item2.Replace("{year}", "2022", StringComparison.Ordinal).Replace("{departement}", dep, StringComparison.Ordinal).Replace("{file}", "x.xlsx", StringComparison.Ordinal).Replace("{kind}", "suivi-mensuel", StringComparison.Ordinal) + $"?departement={dep}&month=2022-01&from=2022-01&to=2022-02"))
            .ToList();

    [Fact]
    public async Task EveryRouteButHealthRefusesAMissingOrWrongKey()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var routes = ApiRoutes(app, "77");

        Assert.True(routes.Count >= 6);
        foreach (var (method, path) in routes)
        {
            foreach (var key in new[] { null, "wrong-key", "test-ke", "TEST-KEY" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PUT" ? new ByteArrayContent([1]) : null };
                if (key is not null)
                {
                    request.Headers.Add("x-functions-key", key);
                }

                var response = await app.Client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with key '{key}' answered {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AKeyScopedToADepartementCannotReadWriteOrReportAnother()
    {
        await using var app = await RunningApp.StartAsync(azurite, settings: ScopedKeys);
        await new Services(app.Storage).DropAndIngestAsync("77", "rf.xlsx", SampleWorkbooks.RapportFinancier2022());

        foreach (var (method, path) in ApiRoutes(app, "77"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PUT" ? new ByteArrayContent(SampleWorkbooks.RapportFinancier2022()) : null };
            request.Headers.Add("x-functions-key", "key-2a");
            var response = await app.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} with the 2A key answered {response.StatusCode}");
            Assert.Contains("ne donne pas accès au département 77", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var own = await app.Client.GetAsync(new Uri("/api/reports/annual/2022?departement=77&code=key-77", UriKind.Relative));
        var corse = await app.Client.GetAsync(new Uri("/api/ingestions?departement=2B&code=key-2a", UriKind.Relative));
        var noDepartement = await app.Client.GetAsync(new Uri("/api/ingestions?code=key-77", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noDepartement.StatusCode);
    }

    [Fact]
    public async Task ProblemDetailsNeverLeakAStackTrace()
    {
        // Storage that does not answer: the handler fails inside the SDK after its retries.
        var dead = new StorageConnection("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Cdppe.Functions.Standalone.AzuriteProcess.DevKey + ";BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");
        await using var app = await RunningApp.StartAsync(dead, ensureStorage: false);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var response = await app.Client.GetAsync(new Uri("/api/ingestions?departement=77", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void NoSecretIsCommittedInTheRepository()
    {
        var root = Repository.Root;
        var offenders = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.azurite", StringComparison.Ordinal)
                && Path.GetExtension(f) is ".cs" or ".json" or ".md" or ".bicep" or ".yaml" or ".yml" or ".sh" or ".props" or ".bicepparam")
            .Where(f => File.ReadAllText(f) is var text
                && (System.Text.RegularExpressions.Regex.IsMatch(text, @"AccountKey=(?!"" \+|\{)[A-Za-z0-9+/]{20,}") && !text.Contains("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.IsMatch(text, @"InstrumentationKey=(?!00000000-)[0-9a-f]{8}-")
                    || System.Text.RegularExpressions.Regex.IsMatch(text, @"sig=[A-Za-z0-9%]{20,}")))
            .ToList();

        Assert.Empty(offenders);
    }
}
