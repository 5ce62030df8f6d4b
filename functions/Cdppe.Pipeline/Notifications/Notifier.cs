using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Notifications;

/// <summary>
/// Writes a notification to the outbox and wakes the sender; never fails the action that notifies (an outbox that
/// cannot be written is logged). The sending happens later, in <see cref="NotificationSender"/>.
/// </summary>
public sealed class Notifier(NotificationStore outbox, IOptions<NotificationOptions> options, NotificationSignal signal, TimeProvider clock, ILogger<Notifier> logger)
{
    /// <summary>To the State's reviewers.</summary>
    public Task NotifyNationalAsync(Departement departement, string kind, string subject, string body, CancellationToken cancellationToken = default) =>
        AddAsync(departement, kind, subject, body, NotificationOptions.Split(options.Value.National), cancellationToken);

    /// <summary>To the département's people.</summary>
    public Task NotifyDepartementAsync(Departement departement, string kind, string subject, string body, CancellationToken cancellationToken = default) =>
        AddAsync(departement, kind, subject, body, NotificationOptions.Split(options.Value.Departements.GetValueOrDefault(departement.Code)), cancellationToken);

    private async Task AddAsync(Departement departement, string kind, string subject, string body, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        try
        {
            var status = options.Value.Configured && recipients.Count > 0 ? NotificationStore.Pending : NotificationStore.NotConfigured;
            await outbox.AddAsync(departement.Code, kind, subject, body, recipients, status, clock.GetUtcNow(), cancellationToken);
            signal.Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Notification {Kind} of {Departement} could not be written to the outbox", kind, departement.Code);
        }
    }
}
