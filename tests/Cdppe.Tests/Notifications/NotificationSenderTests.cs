using System.Net;
using System.Net.Sockets;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Notifications;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cdppe.Tests.Notifications;

/// <summary>The outbox and its SMTP sender, on Azurite, against an SMTP server the test starts on 127.0.0.1.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationSenderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ANotificationWaitsInTheOutboxIsRetriedAfterAFailedSendAndIsSentOnceTheServerAnswers()
    {
        var dep = TestDepartements.Next();
        var outbox = new NotificationStore(await azurite.StorageAsync());
        var clock = new ManualClock(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var port = FreePort();
        var options = Options.Create(new NotificationOptions
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = port,
            From = "cdppe@exemple.fr",
            Departements = { [dep.Code] = "pmi@exemple.fr" },
            RetrySeconds = 30,
        });
        using var signal = new NotificationSignal();
        var notifier = new Notifier(outbox, options, signal, clock, NullLogger<Notifier>.Instance);
        var sender = new NotificationSender(outbox, options, signal, clock, NullLogger<NotificationSender>.Instance);

        // No server yet: the action that notifies is not held up, the message waits and the failure is recorded.
        await notifier.NotifyDepartementAsync(dep, NotificationKinds.FileRefused, "CDPPE : fichier refusé « bilan.xlsx »", "Le fichier a été refusé.");
        var sentWithoutServer = await sender.SendDueAsync();
        var failed = Assert.Single(await outbox.ListAsync(dep.Code, 10));
        var notYetDue = await sender.SendDueAsync();

        Assert.Equal(0, sentWithoutServer);
        Assert.Equal("en-attente", failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(0, notYetDue);

        await using var server = SmtpTestServer.Start(port);
        clock.Advance(TimeSpan.FromSeconds(31));
        var sent = await sender.SendDueAsync();
        var done = Assert.Single(await outbox.ListAsync(dep.Code, 10));

        Assert.Equal(1, sent);
        Assert.Equal("envoyee", done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Null(done.LastError);
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 9, 0, 31, TimeSpan.Zero), done.SentAt);
        var message = Assert.Single(server.Messages);
        Assert.Equal(["pmi@exemple.fr"], message.To);
        Assert.Contains("Subject:", message.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSmtpSettingsANotificationIsKeptAndMarkedNotConfigured()
    {
        var dep = TestDepartements.Next();
        var outbox = new NotificationStore(await azurite.StorageAsync());
        var options = Options.Create(new NotificationOptions { Departements = { [dep.Code] = "pmi@exemple.fr" } });
        using var signal = new NotificationSignal();
        var notifier = new Notifier(outbox, options, signal, TimeProvider.System, NullLogger<Notifier>.Instance);

        await notifier.NotifyDepartementAsync(dep, NotificationKinds.Review, "CDPPE : campagne à compléter", "Remarques.");
        var sent = await new NotificationSender(outbox, options, signal, TimeProvider.System, NullLogger<NotificationSender>.Instance).SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Equal("non-configuree", Assert.Single(await outbox.ListAsync(dep.Code, 10)).Status);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
