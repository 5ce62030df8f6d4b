namespace Cdppe.Functions.OpenApi;

/// <summary>What an HTTP function does, for the API description (<see cref="ApiDescription"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    public string? Description { get; init; }

    /// <summary>Groups operations in the description (ingestion, consolidation, reports, service).</summary>
    public string Tag { get; init; } = "service";
}
