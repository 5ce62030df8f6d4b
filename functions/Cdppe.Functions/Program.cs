using Cdppe.Functions;
using Cdppe.Functions.Hosting;
using Cdppe.Functions.Standalone;
using Microsoft.Azure.Functions.Worker.Builder;

if (FunctionsHostArguments.StartedByFunctionsHost(args))
{
    // Started by the Azure Functions host (in Azure, or `func start` with Core Tools): the isolated worker, HTTP
    // requests through the ASP.NET Core integration.
    var builder = FunctionsApplication.CreateBuilder(args);
    builder.ConfigureFunctionsWebApplication();
    builder.UseMiddleware<HttpFunctionMiddleware>();
    builder.Services.AddCdppeFunctions(builder.Configuration);
    builder.Services.AddCdppeTelemetry(builder.Configuration);
    builder.Services.AddHostedService<StorageStartupCheck>();
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}

// `dotnet run` (or the published executable started by hand): the standalone host drives the same functions.
return await StandaloneHost.RunAsync(args);
