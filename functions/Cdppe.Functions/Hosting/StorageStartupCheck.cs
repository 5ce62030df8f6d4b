using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// Worker only: checks the containers and tables once the cold start is over (the infrastructure creates them in
/// Azure; with <c>func start</c> on Azurite this creates them). Never holds the host's first invocations.
/// </summary>
public sealed class StorageStartupCheck(CdppeStorage storage, ILogger<StorageStartupCheck> logger) : BackgroundService
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Delay, stoppingToken);
            await storage.EnsureCreatedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException or AggregateException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check the storage containers and tables; requests that need them will fail until storage answers");
        }
    }
}
