using Azure;
using Azure.Data.Tables;

namespace Cdppe.Functions.Portal;

/// <summary>
/// One key session of the portal (table <c>PortalSessions</c>), keyed by the SHA-256 of the cookie's id: the table
/// never holds a cookie that works. <see cref="KeyProof"/> is an HMAC of the key's secret at sign-in, keyed by the
/// cookie's id: it proves nothing to whoever reads the table without the cookie, and no longer matches once the
/// key's secret changes.
/// </summary>
public sealed class PortalSessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = PortalSessionStore.Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The key's configured name (<c>*</c> for the global key).</summary>
    public string KeyName { get; set; } = string.Empty;

    public string KeyProof { get; set; } = string.Empty;

    /// <summary><c>national</c> or a département's INSEE code.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Csrf { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the session ends at the latest (also the purge's criterion).</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
