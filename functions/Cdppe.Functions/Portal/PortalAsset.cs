using Microsoft.Net.Http.Headers;

namespace Cdppe.Functions.Portal;

/// <summary>One file of the portal: its bytes, type and version (ETag).</summary>
public sealed record PortalAsset(string Name, byte[] Content, string ContentType, EntityTagHeaderValue ETag);
