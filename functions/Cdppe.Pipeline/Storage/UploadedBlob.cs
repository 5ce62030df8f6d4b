using Azure;

namespace Cdppe.Pipeline.Storage;

/// <summary>A blob of the uploads container as the watcher lists it: its name, its version and when it last changed.</summary>
public sealed record UploadedBlob(string Name, string ETag, DateTimeOffset? LastModified);
