namespace Cdppe.Functions.Api;

/// <summary>What the Functions host writes to its blob trigger poison queue for a blob that failed every attempt.</summary>
public sealed record PoisonBlobMessage(string? FunctionId, string? ContainerName, string? BlobName, string? ETag);
