namespace Cdppe.Pipeline.Storage;

/// <summary>Table Notifications, partition = département, row = the notification's id (<c>{ticks}-{random}</c>, oldest first).</summary>
public sealed class NotificationEntity : EntityBase
{
    public string Kind { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>Comma-separated addresses.</summary>
    public string Recipients { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the sender may try again (pending rows only).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
