using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// Application Insights for the isolated worker, as Microsoft documents it: the worker service SDK
/// (<c>AddApplicationInsightsTelemetryWorkerService</c>) and the Functions integration
/// (<c>ConfigureFunctionsApplicationInsights</c>). The connection comes from <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// (set by the infrastructure); without it the app runs the same and sends nothing. The worker's logs keep their
/// scopes (département, ingestion or report id) as custom properties. Sampling is the host's (host.json). Where
/// Application Insights accepts only Entra ID telemetry (<c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>
/// <c>Authorization=AAD</c>, as the infrastructure sets it), the worker signs its telemetry with the app's
/// system-assigned identity, as the host does.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The logger provider whose default rule (warnings and above only) is removed, so that information logs reach Application Insights.</summary>
    public const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddCdppeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        if (configuration[AuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true)
        {
            services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)));
        }

        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}
