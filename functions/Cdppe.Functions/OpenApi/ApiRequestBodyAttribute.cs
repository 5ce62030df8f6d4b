namespace Cdppe.Functions.OpenApi;

/// <summary>The body an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestBodyAttribute(string contentType, string description) : Attribute
{
    public string ContentType { get; } = contentType;

    public string Description { get; } = description;
}
