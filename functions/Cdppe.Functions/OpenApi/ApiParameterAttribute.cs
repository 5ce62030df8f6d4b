namespace Cdppe.Functions.OpenApi;

/// <summary>
/// A parameter an HTTP function reads: a path parameter when its name is in the trigger's route, a query parameter
/// otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiParameterAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; init; }

    public string? Example { get; init; }
}
