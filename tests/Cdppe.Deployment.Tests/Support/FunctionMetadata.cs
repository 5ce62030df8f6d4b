using System.Text.Json.Nodes;

namespace Cdppe.Deployment.Tests.Support;

/// <summary>One function of a <c>functions.metadata</c> file (what the Functions host indexes): its name and trigger binding.</summary>
public sealed record FunctionMetadata(string Name, string EntryPoint, JsonObject Trigger)
{
    public string TriggerType => Trigger["type"]!.GetValue<string>();

    public bool IsHttp => TriggerType == "httpTrigger";

    public string Route => Trigger["route"]?.GetValue<string>() ?? Name;

    public IReadOnlyList<string> Methods => Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList() ?? [];

    public string? Property(string name) => Trigger[name]?.GetValue<string>();

    /// <summary>Reads <c>functions.metadata</c> in <paramref name="folder"/>; each function must hold exactly one trigger.</summary>
    public static IReadOnlyList<FunctionMetadata> Read(string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray();
        return json.OfType<JsonObject>().Select(f =>
        {
            var bindings = f["bindings"]!.AsArray().OfType<JsonObject>().ToList();
            var trigger = Assert.Single(bindings, b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal) && string.Equals(b["direction"]?.GetValue<string>(), "in", StringComparison.OrdinalIgnoreCase));
            return new FunctionMetadata(f["name"]!.GetValue<string>(), f["entryPoint"]!.GetValue<string>(), trigger);
        }).ToList();
    }
}
