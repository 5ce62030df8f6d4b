using System.Globalization;
using Cdppe.Functions.Functions;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Hosting;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Hosting;

/// <summary>Builds the one app that serves both hosts: the Functions custom handler and the standalone host.</summary>
public static class CdppeApp
{
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Builds the app; <paramref name="overrides"/> (tests) take precedence over every other source.</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var settingsFile = LocalSettings.Find(builder.Environment.ContentRootPath);
        if (settingsFile is not null)
        {
            // Lowest precedence: environment variables and command line override local settings.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = LocalSettings.Read(settingsFile) });
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var customHandlerPort = builder.Configuration[CustomHandlerPortSetting];
        var mode = builder.Configuration[$"{CdppeOptions.Section}:Host"] is { Length: > 0 } m
            ? Enum.Parse<HostMode>(m, ignoreCase: true)
            : string.IsNullOrEmpty(customHandlerPort) ? HostMode.Standalone : HostMode.CustomHandler;
        builder.Services.AddOptions<CdppeOptions>().BindConfiguration(CdppeOptions.Section).Configure(o => o.Host = mode);
        var options = builder.Configuration.GetSection(CdppeOptions.Section).Get<CdppeOptions>() ?? new CdppeOptions();
        builder.WebHost.UseUrls(mode == HostMode.CustomHandler
            ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{customHandlerPort}")
            : options.Urls);

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddCdppePipeline(options.MaxRowsPerSheet);
        builder.Services.AddSingleton<ApiKeyFilter>();
        var isCommand = args is [RebuildCommand.Name, ..];
        if (mode == HostMode.Standalone && !isCommand)
        {
            builder.Services.AddSingleton<BlobWatcher>();
            if (options.RunBlobWatcher)
            {
                builder.Services.AddHostedService(sp => sp.GetRequiredService<BlobWatcher>());
            }

            if (options.RunScheduler)
            {
                builder.Services.AddHostedService<ConsolidationScheduler>();
            }
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Custom handler mode: how long after start the app checks its containers and tables.</summary>
    private static readonly TimeSpan BackgroundStorageCheckDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Standalone: storage first (Azurite if needed), then the host. Custom handler: the host first, so that the
    /// Functions host's first requests are not held by storage round trips (the infrastructure creates the
    /// containers and tables; the app checks them in the background, once the cold start is over). Returns the
    /// process exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        if (args is [RebuildCommand.Name, ..])
        {
            return await RebuildCommand.RunAsync(app, args);
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cdppe");
        var options = app.Services.GetRequiredService<IOptions<CdppeOptions>>().Value;
        var storage = app.Services.GetRequiredService<CdppeStorage>();
        await using var azurite = options.Host == HostMode.Standalone ? await LocalStorage.StartIfNeededAsync(app.Configuration, options, logger) : null;
        if (options.Host == HostMode.Standalone)
        {
            await storage.EnsureCreatedAsync();
        }
        else
        {
            app.Lifetime.ApplicationStarted.Register(() => _ = EnsureStorageInBackgroundAsync(storage, logger, app.Lifetime.ApplicationStopping));
        }

        logger.LogInformation("Cdppe running as {Mode} on {Urls}", options.Host, string.Join(", ", app.Urls.DefaultIfEmpty(options.Urls)));
        await app.RunAsync();
        return 0;
    }

    private static async Task EnsureStorageInBackgroundAsync(CdppeStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            // Not during the cold start: the clients' first use costs CPU the host's first requests need more.
            await Task.Delay(BackgroundStorageCheckDelay, cancellationToken);
            await storage.EnsureCreatedAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check the storage containers and tables; requests that need them will fail until storage answers");
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        // The Functions host polls GET / until the handler answers.
        app.MapGet("/", () => Results.Ok(new { service = "Cdppe", status = "ready" }));
        IngestWorkbookFunction.Map(app);
        ConsolidateMonthlyFunction.Map(app);
        HealthApi.Map(app);
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        GenerateAnnualReportApi.Map(api);
        GetReportTemplateApi.Map(api);
        IngestionsApi.Map(api);
        ConsolidationsApi.Map(api);
        SnapshotsApi.Map(api);
        UploadsApi.Map(api);
        TemplatesApi.Map(api);
    }
}
