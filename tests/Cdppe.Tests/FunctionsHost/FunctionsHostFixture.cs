using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// The published app under the Azure Functions host, on an Azurite of its own, shared by the suite's test classes
/// (<see cref="FunctionsHostCollection"/>): one publish, one host. The app's settings are those a deployment sets:
/// the timer's schedule (daily: these tests run it from the admin route), the portal's key (<c>Cdppe__ApiKey</c>,
/// also a host function key) and one key scoped to <see cref="ScopedDepartement"/> (<c>Cdppe__Keys__…</c>, the
/// host key <c>dep</c>). Outside CI without a host it starts nothing (the tests are skipped).
/// </summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    public const string PortalKey = "cle-portail-hote-de-test";

    public const string ScopedKey = "cle-limitee-hote-de-test";

    public const string ScopedDepartement = "2B";

    private readonly AzuriteFixture azurite = new();
    private FunctionsHostProcess? host;

    public FunctionsHostProcess Host => host ?? throw new InvalidOperationException(FunctionsHostInstall.HowToGetOne);

    public AzuriteFixture Azurite => azurite;

    public async Task InitializeAsync()
    {
        if (FunctionsHostInstall.SkipReason is not null)
        {
            return;
        }

        await azurite.InitializeAsync();
        _ = await azurite.StorageAsync();
        host = await FunctionsHostProcess.StartAsync(
            azurite.ConnectionString,
            Settings(schedule: "0 0 3 * * *"),
            new Dictionary<string, string> { ["portail"] = PortalKey, ["dep"] = ScopedKey });
    }

    /// <summary>The app settings of the suite's hosts (as a deployment sets them).</summary>
    public static Dictionary<string, string> Settings(string schedule) => new()
    {
        ["CONSOLIDATION_SCHEDULE"] = schedule,


        // Queues polled every 2 s at most (the blob trigger's retries and the poison queue), not every minute.
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:02",
        ["Cdppe__ApiKey"] = PortalKey,
        ["Cdppe__Keys__dep__Key"] = ScopedKey,
        ["Cdppe__Keys__dep__Departements"] = ScopedDepartement,
    };

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
