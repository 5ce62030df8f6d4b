using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary>The portal's part of the composition root: its options, the sessions, the access check and its Pipeline services.</summary>
public static class PortalFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddCdppePortalFunctions(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        services.AddSingleton<PortalSessionStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PortalAccess>();
        services.AddCdppePortal();
        return services;
    }
}
