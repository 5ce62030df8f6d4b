using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Benchmarks;

/// <summary>
/// The standalone host on an Azurite of its own, started as the end-to-end, portal and export rows measure it: the
/// operator's key <see cref="Key"/>, no scheduler, warnings only in the log.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Key = "bench";

    private BenchHost(AzuriteProcess azurite, WebApplication app, Uri baseAddress)
    {
        Azurite = azurite;
        App = app;
        BaseAddress = baseAddress;
    }

    public AzuriteProcess Azurite { get; }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public CdppeStorage Storage => App.Services.GetRequiredService<CdppeStorage>();

    /// <summary>Starts Azurite in a new folder named after <paramref name="name"/>, then the host on a free port, its storage created.</summary>
    public static async Task<BenchHost> StartAsync(string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var azurite = await AzuriteProcess.StartAsync(Path.Combine(Workloads.Folder, name + "-" + Guid.NewGuid().ToString("N")));
        var port = LocalTools.FreePort();
        var configuration = new Dictionary<string, string?>
        {
            [CdppeStorage.ConnectionName] = azurite.ConnectionString,
            ["Cdppe:ApiKey"] = Key,
            ["Cdppe:RunScheduler"] = "false",
            ["Cdppe:Urls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = StandaloneHost.Build([], configuration);
        await app.Services.GetRequiredService<CdppeStorage>().EnsureCreatedAsync();
        await app.StartAsync();
        return new BenchHost(azurite, app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client of the API with the operator's key.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (timeout is { } t)
        {
            client.Timeout = t;
        }

        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
