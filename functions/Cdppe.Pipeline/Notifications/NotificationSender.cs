using System.Net;
using System.Net.Mail;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Notifications;

/// <summary>
/// Sends the outbox by SMTP, in the background of every instance: at once when woken, else every minute. A failed
/// send is recorded (attempts, last error) and retried later, waiting twice as long each time, until
/// <see cref="NotificationOptions.MaxAttempts"/>; the rows say what became of each message.
/// </summary>
public sealed class NotificationSender(NotificationStore outbox, IOptions<NotificationOptions> options, NotificationSignal signal, TimeProvider clock, ILogger<NotificationSender> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Sends every due notification once; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            return 0;
        }

        var sent = 0;
        foreach (var notification in await outbox.DueAsync(clock.GetUtcNow(), Batch, cancellationToken))
        {
            string? error = null;
            try
            {
                using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpSsl, Timeout = 30_000 };
                if (!string.IsNullOrEmpty(settings.SmtpUser))
                {
                    client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
                }

                using var message = new MailMessage { From = new MailAddress(settings.From), Subject = notification.Subject, Body = notification.Body, BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
                foreach (var to in notification.Recipients)
                {
                    message.To.Add(to);
                }

                await client.SendMailAsync(message, cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or FormatException or InvalidOperationException or IOException)
            {
                error = ex.Message;
                logger.LogWarning("Notification {Id} of {Departement} not sent (attempt {Attempt}): {Error}", notification.Id, notification.Departement, notification.Attempts + 1, ex.Message);
            }

            var now = clock.GetUtcNow();
            var retry = error is null || notification.Attempts + 1 >= settings.MaxAttempts ? (DateTimeOffset?)null : now + TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, notification.Attempts));
            await outbox.RecordAttemptAsync(notification.Departement, notification.Id, error is null, error, now, retry, cancellationToken);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or System.Net.Http.HttpRequestException)
            {
                logger.LogWarning(ex, "The notification outbox could not be read; trying again in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
