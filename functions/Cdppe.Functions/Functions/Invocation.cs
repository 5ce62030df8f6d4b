using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdppe.Functions.Functions;

/// <summary>What the Functions host POSTs to a custom handler for a non-HTTP trigger.</summary>
public sealed class InvocationRequest
{
    public Dictionary<string, JsonElement> Data { get; set; } = [];

    public Dictionary<string, JsonElement> Metadata { get; set; } = [];

    public string? MetadataString(string name) =>
        Metadata.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What a custom handler answers: outputs by binding name, log lines, return value.</summary>
public sealed class InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; set; } = [];

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; set; } = [];

    [JsonPropertyName("ReturnValue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? ReturnValue { get; set; }
}
