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

/// <summary>
/// An answer of an HTTP function other than the errors every function has (400, 401, 403, 500: problem details,
/// added by <see cref="ApiDescription"/>); a status of 400 or more is a problem detail unless a content type is given.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;

    public string Description { get; } = description;

    public string? ContentType { get; init; }
}

/// <summary>The body an HTTP function reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestBodyAttribute(string contentType, string description) : Attribute
{
    public string ContentType { get; } = contentType;

    public string Description { get; } = description;
}
