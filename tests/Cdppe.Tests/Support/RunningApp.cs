using System.Globalization;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;

namespace Cdppe.Tests.Support;

/// <summary>The real app on a free loopback port, on the test Azurite, in either host mode.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningApp(WebApplication app, HttpClient client, CdppeStorage storage)
    {
        this.app = app;
        Client = client;
        Storage = storage;
    }

    public HttpClient Client { get; }

    public CdppeStorage Storage { get; }

    public IServiceProvider Services => app.Services;

    public static Task<RunningApp> StartAsync(AzuriteFixture azurite, bool customHandler = false, string apiKey = "test-key", bool watchBlobs = false, double pollSeconds = 0.2, Dictionary<string, string?>? settings = null) =>
        StartAsync(new StorageConnection(azurite.ConnectionString), customHandler, apiKey, watchBlobs, pollSeconds, settings);

    public static async Task<RunningApp> StartAsync(StorageConnection azurite, bool customHandler = false, string apiKey = "test-key", bool watchBlobs = false, double pollSeconds = 0.2, Dictionary<string, string?>? settings = null, bool ensureStorage = true)
    {
        var port = FreePort();
        settings = new Dictionary<string, string?>(settings ?? [])
        {
            [CdppeStorage.ConnectionName] = azurite.ConnectionString,
            ["Cdppe:ApiKey"] = apiKey,
            ["Cdppe:RunBlobWatcher"] = watchBlobs ? "true" : "false",
            ["Cdppe:RunScheduler"] = "false",
            ["Cdppe:BlobPollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
            ["Cdppe:Urls"] = $"http://127.0.0.1:{port}",
        };
        if (customHandler)
        {
            settings[CdppeApp.CustomHandlerPortSetting] = port.ToString(CultureInfo.InvariantCulture);
        }

        var app = CdppeApp.Build([], settings);
        var storage = app.Services.GetRequiredService<CdppeStorage>();
        if (ensureStorage)
        {
            await storage.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        return new RunningApp(app, client, storage);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Just a connection string, for an app on a storage the test chooses.</summary>
public sealed record StorageConnection(string ConnectionString);
