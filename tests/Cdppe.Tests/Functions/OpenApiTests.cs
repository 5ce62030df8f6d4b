using System.Net;
using System.Text.RegularExpressions;
using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Cdppe.Tests.Functions;

/// <summary>The API description served by the app, and the .http file, against the routes the app actually serves.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class OpenApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheServedDocumentIsValidOpenApiAndDescribesExactlyTheServedRoutes()
    {
        await using var app = await RunningApp.StartAsync(azurite);

        var response = await app.Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Equal("3.1.1", diagnostic.SpecificationVersion switch { OpenApiSpecVersion.OpenApi3_1 => "3.1.1", var other => other.ToString() });
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        var described = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method} {p.Key}")).Order(StringComparer.Ordinal);
        Assert.Equal(Served(app).Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal), described);
    }

    [Fact]
    public async Task EveryOperationDocumentsItsParametersItsKeyAndItsProblems()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var (document, _) = OpenApiDocument.Parse(await app.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)), "json");
        Assert.NotNull(document);

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var where = $"{method} {path}";
                var parameters = operation.Parameters ?? [];
                var pathParameters = parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).Order(StringComparer.Ordinal);
                Assert.Equal(ApiDescription.RouteParameters(path).Order(StringComparer.Ordinal), pathParameters);
                Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{where}: parameter {p.Name} has no description"));
                Assert.False(string.IsNullOrWhiteSpace(operation.Summary), where);
                var problem = operation.Responses!["500"].Content![Problems.ContentType].Schema;
                Assert.Equal(ApiDescription.ProblemSchema, Assert.IsType<OpenApiSchemaReference>(problem).Reference.Id);
                var anonymous = path is "/api/health" or "/api/openapi.json";
                Assert.Equal(anonymous, operation.Security is null or { Count: 0 });
                Assert.Equal(!anonymous, operation.Responses.ContainsKey("401"));
            }
        }

        var keys = document.Components!.SecuritySchemes!;
        Assert.Equal((ParameterLocation.Header, "x-functions-key"), (keys[ApiDescription.KeyHeaderScheme].In, keys[ApiDescription.KeyHeaderScheme].Name));
        Assert.Equal((ParameterLocation.Query, "code"), (keys[ApiDescription.KeyQueryScheme].In, keys[ApiDescription.KeyQueryScheme].Name));
    }

    [Fact]
    public async Task TheHttpFileTriesEveryServedRouteAndNoOther()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var file = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "functions", "Cdppe.Functions", "Cdppe.Functions.http"));
        var tried = RequestLine().Matches(file).Select(m => (Method: m.Groups["method"].Value, Path: m.Groups["path"].Value)).ToList();
        var served = Served(app);

        Assert.All(served, r => Assert.True(tried.Any(t => t.Method == r.Method && Matches(r.Path, t.Path)), $"Cdppe.Functions.http never tries {r.Method} {r.Path}"));
        Assert.All(tried, t => Assert.True(served.Any(r => r.Method == t.Method && Matches(r.Path, t.Path)), $"Cdppe.Functions.http tries {t.Method} {t.Path}, which the app does not serve"));
    }

    /// <summary>Every route the running app serves for a function, with its method.</summary>
    private static List<(string Method, string Path)> Served(RunningApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<DeclaredFunction>() is { } f && ApiDescription.Described.Contains(f))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText!)))];

    /// <summary>Whether a concrete path of the .http file (<c>/api/reports/annual/2022</c>) is an instance of a route template.</summary>
    private static bool Matches(string template, string path)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]*?\}", "[^/]+") + "$";
        return Regex.IsMatch(path.Replace("{{departement}}", "77", StringComparison.Ordinal), pattern);
    }

    [GeneratedRegex(@"^(?<method>GET|HEAD|POST|PUT|DELETE|PATCH) \{\{host\}\}(?<path>/[^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();
}
