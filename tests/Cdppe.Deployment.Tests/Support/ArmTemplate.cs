using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdppe.Deployment.Tests.Support;

/// <summary>Navigation in the ARM JSON that <c>bicep build</c> compiles: modules are nested deployments.</summary>
public sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Parse(string json) => new(JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("Empty template."));

    public JsonNode Variable(string name) => Root["variables"]?[name] ?? throw new KeyNotFoundException($"variable {name}");

    public IReadOnlyList<string> StringArrayVariable(string name) => Variable(name).AsArray().Select(n => n!.GetValue<string>()).ToList();

    public IEnumerable<JsonObject> Resources()
    {
        var resources = Root["resources"];
        IEnumerable<JsonNode?> items = resources switch
        {
            JsonObject symbolic => symbolic.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        return items.OfType<JsonObject>();
    }

    /// <summary>The template of the module deployed under that deployment name.</summary>
    public ArmTemplate Module(string deploymentName)
    {
        var deployment = Resources().SingleOrDefault(r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)
            ?? throw new KeyNotFoundException($"module deployment {deploymentName}");
        return new ArmTemplate(deployment["properties"]!["template"]!.AsObject());
    }

    public IReadOnlyList<JsonObject> OfType(string type) => Resources().Where(r => Type(r) == type && r["existing"]?.GetValue<bool>() != true).ToList();

    public JsonObject One(string type) => Assert.Single(OfType(type));

    private static string? Type(JsonObject resource) => (string?)resource["type"];
}
