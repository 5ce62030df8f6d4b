using Cdppe.Functions.Hosting;
using Cdppe.Functions.Portal;
using Cdppe.Pipeline.Hosting;
using Cdppe.Pipeline.Ingestion;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions;

/// <summary>The composition root shared by both hosts (above the API and portal functions it registers): what the functions need, registered once.</summary>
public static class CdppeServiceCollectionExtensions
{
    /// <summary>
    /// The app's options (section <c>Cdppe</c>, bound once, validated when the host starts), the pipeline
    /// (<see cref="PipelineServiceCollectionExtensions.AddCdppePipeline"/>), the key check, the JSON of the
    /// answers (French text unescaped) and the request body limit of uploads.
    /// </summary>
    public static IServiceCollection AddCdppeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CdppeOptions>().BindConfiguration(CdppeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdppeOptions>, CdppeOptionsValidator>();

        // The pipeline takes the row limit at registration time.
        var maxRows = configuration.GetSection(CdppeOptions.Section).GetValue(nameof(CdppeOptions.MaxRowsPerSheet), new CdppeOptions().MaxRowsPerSheet);
        services.AddCdppePipeline(maxRows);
        services.AddSingleton<ApiKeyCheck>();
        services.AddCdppePortalFunctions();
        services.AddHostedService(sp => sp.GetRequiredService<Pipeline.Notifications.NotificationSender>());
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        // Kestrel's default (30 000 000 bytes) is below what an upload may weigh.
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = WorkbookIngestor.MaxUploadBytes);
        return services;
    }
}
