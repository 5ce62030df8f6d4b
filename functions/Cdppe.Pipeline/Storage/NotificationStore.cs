using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table Notifications, the outbox of the e-mails: a row is added when something happens, then updated by the sender
/// (attempts, last error, sent). The sender reads the pending rows of every département.
/// </summary>
public sealed class NotificationStore(CdppeStorage storage)
{
    public const string Pending = "en-attente";
    public const string Sent = "envoyee";
    public const string Failed = "echec";
    public const string NotConfigured = "non-configuree";

    private TableClient Table => storage.Table(TableNames.Notifications);

    /// <summary>Adds a notification to send from <paramref name="at"/>; returns its id.</summary>
    public async Task<string> AddAsync(string partition, string kind, string subject, string body, IReadOnlyList<string> recipients, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var id = at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await Table.AddEntityAsync(
            new NotificationEntity
            {
                PartitionKey = partition,
                RowKey = id,
                Kind = kind,
                Subject = subject,
                Body = body,
                Recipients = string.Join(',', recipients),
                Status = status,
                CreatedAt = at,
                NextAttemptAt = at,
            },
            cancellationToken);
        return id;
    }

    /// <summary>The pending notifications whose next attempt is due at <paramref name="now"/>, every département.</summary>
    public async Task<IReadOnlyList<Notification>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var due = new List<Notification>();
        await foreach (var row in Table.QueryAsync<NotificationEntity>(e => e.Status == Pending && e.NextAttemptAt <= now, cancellationToken: cancellationToken))
        {
            due.Add(ToNotification(row));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>The notifications of a département, newest first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<Notification>> ListAsync(string partition, int max, CancellationToken cancellationToken = default) =>
        (await Table.PartitionAsync<NotificationEntity>(partition, cancellationToken)).OrderByDescending(r => r.RowKey, StringComparer.Ordinal).Take(max).Select(ToNotification).ToList();

    /// <summary>Records an attempt: sent, or failed with its error and when to try again (null: no more attempts).</summary>
    public async Task RecordAttemptAsync(string partition, string id, bool sent, string? error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        var row = await Table.FindAsync<NotificationEntity>(partition, id, cancellationToken);
        if (row is null || row.Status != Pending)
        {
            return;
        }

        row.Attempts++;
        row.LastError = sent ? null : error;
        row.Status = sent ? Sent : retryAt is null ? Failed : Pending;
        row.SentAt = sent ? now : null;
        row.NextAttemptAt = retryAt ?? now;
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another instance recorded the same attempt: its record stands.
        }
    }

    private static Notification ToNotification(NotificationEntity r) => new(
        r.RowKey,
        r.Kind,
        r.PartitionKey,
        r.Subject,
        r.Body,
        r.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries),
        r.Status,
        r.Attempts,
        r.LastError,
        r.CreatedAt,
        r.SentAt);
}
