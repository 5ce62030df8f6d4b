namespace Cdppe.Functions.OpenApi;

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
