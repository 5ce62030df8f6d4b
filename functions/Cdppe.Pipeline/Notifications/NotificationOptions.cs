namespace Cdppe.Pipeline.Notifications;

/// <summary>
/// Section <c>Cdppe:Notifications</c>: the SMTP server (none: notifications stay in the outbox, marked not
/// configured) and who receives what: the State's reviewers every transmission, a département's people its refused
/// files and its reviews.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Cdppe:Notifications";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "cdppe@localhost";

    /// <summary>Comma-separated addresses of the State's reviewers.</summary>
    public string National { get; set; } = string.Empty;

    /// <summary>Comma-separated addresses by département (<c>Cdppe__Notifications__Departements__77</c>).</summary>
    public Dictionary<string, string> Departements { get; set; } = [];

    /// <summary>Attempts before a notification is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; each later one waits twice the previous one.</summary>
    public double RetrySeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(SmtpHost);

    public static IReadOnlyList<string> Split(string? addresses) =>
        (addresses ?? string.Empty).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
