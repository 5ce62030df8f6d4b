using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace Cdppe.Deployment.Tests.Support;

/// <summary>One function of the package: its folder name and the trigger binding of its function.json.</summary>
public sealed record FunctionDefinition(string Name, JsonObject Trigger)
{
    public string TriggerType => Trigger["type"]!.GetValue<string>();

    public bool IsHttp => TriggerType == "httpTrigger";

    public string Route => Trigger["route"]?.GetValue<string>() ?? Name;

    public IReadOnlyList<string> Methods => Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList() ?? [];

    /// <summary>Reads every <c>{folder}/function.json</c> right under <paramref name="root"/> (as the Functions host does); each must parse and hold exactly one trigger.</summary>
    public static IReadOnlyList<FunctionDefinition> ReadAll(string root)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var file in Directory.GetDirectories(root).Select(d => Path.Combine(d, "function.json")).Where(File.Exists).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var json = JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? throw new InvalidDataException(file);
            var bindings = json["bindings"]!.AsArray().OfType<JsonObject>().ToList();
            var trigger = Assert.Single(bindings, b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal) && b["direction"]?.GetValue<string>() == "in");
            functions.Add(new FunctionDefinition(name, trigger));
        }

        return functions;
    }
}

/// <summary>The routes the app maps (method and pattern), read from its endpoint data sources without starting it.</summary>
public static class AppRoutes
{
    public static IReadOnlySet<(string Method, string Pattern)> Mapped()
    {
        using var app = Cdppe.Functions.Hosting.CdppeApp.Build([], new Dictionary<string, string?>
        {
            [Cdppe.Functions.Hosting.CdppeApp.CustomHandlerPortSetting] = "7199",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        });
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                routes.Add((method, Normalize(endpoint.RoutePattern.RawText ?? string.Empty)));
            }
        }

        return routes;
    }

    public static string Normalize(string pattern) => "/" + pattern.Trim('/').ToLowerInvariant();
}
