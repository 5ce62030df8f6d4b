using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Portal;

/// <summary>
/// The key sessions of the portal, server-side in table <c>PortalSessions</c>: the cookie holds only a random
/// 256-bit id, which means nothing without its row. Every instance reads the same rows, so a sign-out (the row
/// deleted) ends the session everywhere at once, and sessions outlive a restart.
/// </summary>
public sealed class PortalSessionStore(CdppeStorage storage)
{
    public const string CookieName = "cdppe-session";

    public const string Partition = "sessions";

    /// <summary>Expired rows deleted at most per sign-in (the purge is paid by sign-ins, never by reads).</summary>
    private const int PurgeBatch = 100;

    private TableClient Table => storage.Tables.GetTableClient(TableNames.PortalSessions);

    /// <summary>A new cookie id: 32 random bytes, base64url.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new CSRF token: 24 random bytes, base64url.</summary>
    public static string NewCsrf() => Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>True when <paramref name="id"/> has the shape of <see cref="NewId"/> (anything else is not looked up).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 43 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The proof of a key's secret for the session <paramref name="id"/>: HMAC-SHA256 of the secret keyed by the id.</summary>
    public static string KeyProof(string id, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(secret)));

    public Task AddAsync(string id, PortalSessionEntity session, CancellationToken cancellationToken)
    {
        session.PartitionKey = Partition;
        session.RowKey = RowKey(id);
        return Table.AddEntityAsync(session, cancellationToken);
    }

    public async Task<PortalSessionEntity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<PortalSessionEntity>(Partition, RowKey(id), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Ends a session (already gone: nothing to do).</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) => DeleteRowAsync(RowKey(id), cancellationToken);

    /// <summary>Deletes up to <see cref="PurgeBatch"/> sessions expired before <paramref name="now"/>.</summary>
    public async Task PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = Table.QueryAsync<PortalSessionEntity>(e => e.PartitionKey == Partition && e.ExpiresAt < now, maxPerPage: PurgeBatch, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var page in expired.AsPages().WithCancellation(cancellationToken))
        {
            foreach (var session in page.Values)
            {
                await DeleteRowAsync(session.RowKey, cancellationToken);
            }

            break;
        }
    }

    private async Task DeleteRowAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Signed out twice, or purged meanwhile: the session is over either way.
        }
    }

    private static string RowKey(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
