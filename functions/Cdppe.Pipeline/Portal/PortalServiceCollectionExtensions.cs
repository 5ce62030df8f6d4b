using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Pipeline.Portal;

/// <summary>The services behind the portal's pages (the pipeline's own are registered by <c>AddCdppePipeline</c>).</summary>
public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddCdppePortal(this IServiceCollection services)
    {
        services.AddSingleton<PortalReader>();
        services.AddSingleton<PortalContextService>();
        services.AddSingleton<DepartementOverviewService>();
        services.AddSingleton<IndicatorSeriesService>();
        services.AddSingleton<NationalOverviewService>();
        return services;
    }
}
