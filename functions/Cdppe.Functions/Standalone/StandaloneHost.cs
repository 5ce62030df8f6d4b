using System.Net;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// The host of <c>dotnet run</c> when no Functions host started the process: Kestrel on <c>Cdppe:Urls</c>
/// (127.0.0.1:7071), one endpoint per HTTP function, the blob watcher for blob functions and the scheduler for
/// timer functions, all driving the same function classes from the same container as the worker does.
/// </summary>
public static class StandaloneHost
{
    /// <summary>Storage first (Azurite when the connection is the development one and nothing answers), then the host.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        if (args is [RebuildCommand.Name, ..])
        {
            return await RebuildCommand.RunAsync(app, args);
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cdppe");
        var options = app.Services.GetRequiredService<IOptions<CdppeOptions>>().Value;
        await using var azurite = await LocalStorage.StartIfNeededAsync(app.Configuration, options, logger);
        await app.Services.GetRequiredService<CdppeStorage>().EnsureCreatedAsync();
        logger.LogInformation("Cdppe standalone host on {Urls}", options.Urls);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The whole standalone app, not started: <see cref="CreateBuilder"/>, <see cref="AddStandaloneHost"/>, <see cref="UseStandaloneErrors"/>, <see cref="MapFunctionEndpoints"/>.</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var app = CreateBuilder(args, overrides).AddStandaloneHost().Build();
        app.UseStandaloneErrors();
        app.MapFunctionEndpoints();
        return app;
    }

    /// <summary>
    /// The builder with the app's configuration: <c>local.settings.json</c> (or its committed sample) lowest, then
    /// environment variables and the command line, then <paramref name="overrides"/> (tests).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (LocalSettings.Find(builder.Environment.ContentRootPath) is { } settingsFile)
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettings.Read(settingsFile) });
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// The app's services (<see cref="CdppeServiceCollectionExtensions.AddCdppeFunctions"/>), the executors of the
    /// functions' <see cref="IActionResult"/> (as the worker's ASP.NET Core integration has them), Kestrel on the
    /// configured URLs with French bodies on its own errors, the blob watcher and the scheduler.
    /// </summary>
    public static WebApplicationBuilder AddStandaloneHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddCdppeFunctions(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<CdppeOptions>>((kestrel, options) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(endpoint =>
            {
                endpoint.Protocols = HttpProtocols.Http1;
                endpoint.Use(KestrelErrorBodies.Middleware);
            });
            foreach (var url in options.Value.Urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var uri = new Uri(url);
                if (uri.Host == "localhost")
                {
                    kestrel.ListenLocalhost(uri.Port);
                }
                else
                {
                    kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
                }
            }
        });
        builder.Services.AddSingleton<BlobWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BlobWatcher>());
        builder.Services.AddHostedService<ConsolidationScheduler>();
        return builder;
    }

    /// <summary>
    /// Every error the framework answers itself (an exception, no route, wrong method) as a French problem of
    /// <see cref="Problems"/>; Kestrel's own refusals are handled by <see cref="KestrelErrorBodies"/>.
    /// </summary>
    public static WebApplication UseStandaloneErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ExecuteAsync(context, Problems.ForException(context.Features.Get<IExceptionHandlerFeature>()?.Error ?? new InvalidOperationException())),
        });
        app.UseStatusCodePages(context => ExecuteAsync(context.HttpContext, Problems.Problem(context.HttpContext.Response.StatusCode)));
        return app;
    }

    /// <summary>
    /// One endpoint per HTTP function, at the route, methods and auth level of its trigger attribute, under the
    /// route prefix of <c>host.json</c>; each request creates the function's class from the request's scope and
    /// runs it through <see cref="HttpFunctionPipeline"/>. Non-HTTP triggers get no endpoint: nothing outside the
    /// process can start an ingestion or a timer run.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var function in FunctionCatalog.Http)
        {
            RequestDelegate handler = context => InvokeAsync(function, context);
            endpoints.MapMethods("/" + function.RouteTemplate, function.Methods, handler).WithName(function.Name).WithMetadata(function);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(DeclaredFunction function, HttpContext context)
    {
        var result = await HttpFunctionPipeline.RunAsync(function, context, hostCheckedKey: false, () =>
            FunctionInvoker.InvokeAsync(function, context.RequestServices, context.RequestAborted, context.Request, context));
        await ExecuteAsync(context, result);
    }

    /// <summary>Writes a function's result as the worker's ASP.NET Core integration does.</summary>
    private static Task ExecuteAsync(HttpContext context, object? result) => result switch
    {
        IActionResult action => action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        IResult minimal => minimal.ExecuteAsync(context),
        _ => Task.CompletedTask,
    };
}
