using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// Two hosts of the published app on one Azurite, as two instances of one app in Azure (same host id), the
/// timer's schedule every 2 seconds, with an Application Insights connection string (to a closed local port).
/// </summary>
public sealed class TwoHostsFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public List<FunctionsHostProcess> Hosts { get; } = [];

    public async Task InitializeAsync()
    {
        if (FunctionsHostInstall.SkipReason is not null)
        {
            return;
        }

        await azurite.InitializeAsync();
        var settings = FunctionsHostFixture.Settings(schedule: "*/2 * * * * *");
        settings["AzureFunctionsWebHost__hostid"] = "cdppe-deux-instances";
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";
        Hosts.Add(await FunctionsHostProcess.StartAsync(azurite.ConnectionString, settings));
        Hosts.Add(await FunctionsHostProcess.StartAsync(azurite.ConnectionString, settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
