using System.Globalization;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;

namespace Cdppe.Tests.Support;

/// <summary>The real standalone app on a free loopback port, on the test Azurite, composed as <c>dotnet run</c> composes it.</summary>
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

    public static Task<RunningApp> StartAsync(AzuriteFixture azurite, string apiKey = "test-key", bool watchBlobs = false, double pollSeconds = 0.2, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        StartAsync(new StorageConnection(azurite.ConnectionString), apiKey, watchBlobs, pollSeconds, settings, services: services);

    /// <summary>Starts the app; <paramref name="services"/> may replace a registration (a fault to inject).</summary>
    public static async Task<RunningApp> StartAsync(StorageConnection azurite, string apiKey = "test-key", bool watchBlobs = false, double pollSeconds = 0.2, Dictionary<string, string?>? settings = null, bool ensureStorage = true, Action<IServiceCollection>? services = null)
    {
        var port = FreePort();
        var builder = StandaloneHost.CreateBuilder([], Settings(azurite.ConnectionString, apiKey, watchBlobs, pollSeconds, port, settings)).AddStandaloneHost();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseStandaloneErrors();
        app.MapFunctionEndpoints();
        var storage = app.Services.GetRequiredService<CdppeStorage>();
        if (ensureStorage)
        {
            await storage.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        return new RunningApp(app, client, storage);
    }

    /// <summary>
    /// The standalone host's container, not started, on a storage and a clock the test chooses (faulty clients, a
    /// manual clock): for driving the blob watcher or a function by hand.
    /// </summary>
    public static WebApplication Unstarted(CdppeStorage storage, TimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        var builder = StandaloneHost.CreateBuilder([], Settings("UseDevelopmentStorage=true", "test-key", watchBlobs: false, pollSeconds: 0.2, FreePort(), settings)).AddStandaloneHost();
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(string connection, string apiKey, bool watchBlobs, double pollSeconds, int port, Dictionary<string, string?>? settings) =>
        new(settings ?? [])
        {
            [CdppeStorage.ConnectionName] = connection,
            ["Cdppe:ApiKey"] = apiKey,
            ["Cdppe:RunBlobWatcher"] = watchBlobs ? "true" : "false",
            ["Cdppe:RunScheduler"] = "false",
            ["Cdppe:BlobPollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
            ["Cdppe:Urls"] = $"http://127.0.0.1:{port}",
        };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Just a connection string, for an app on a storage the test chooses.</summary>
public sealed record StorageConnection(string ConnectionString);
