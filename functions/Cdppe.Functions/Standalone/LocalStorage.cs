using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Standalone;

/// <summary>Embedded default storage: starts Azurite when the connection is the development one and nothing answers.</summary>
public static class LocalStorage
{
    public const string DevelopmentConnection = "UseDevelopmentStorage=true";

    public static async Task<AzuriteProcess?> StartIfNeededAsync(IConfiguration configuration, CdppeOptions options, ILogger logger)
    {
        if (!string.Equals(configuration[CdppeStorage.ConnectionName]?.Trim(), DevelopmentConnection, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (await AzuriteProcess.IsListeningAsync(10000))
        {
            logger.LogInformation("Storage emulator already answering on 127.0.0.1:10000; using it");
            return null;
        }

        if (!options.StartAzurite)
        {
            logger.LogWarning("Nothing answers on 127.0.0.1:10000 and Cdppe__StartAzurite is false: start Azurite yourself");
            return null;
        }

        var location = options.AzuriteLocation ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(AzuriteProcess.FindToolDirectory()))!, ".azurite");
        logger.LogInformation("Starting Azurite (blob 10000, queue 10001, table 10002), data in {Location}; it stops with the app", location);
        var azurite = await AzuriteProcess.StartAsync(location, 10000, 10001, 10002, line => logger.LogDebug("azurite: {Line}", line));
        logger.LogInformation("Azurite started");
        return azurite;
    }
}
