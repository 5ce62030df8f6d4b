using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Configuration;

namespace Cdppe.Tests.Support;

/// <summary>One Azurite per test run, on free ports, data in a temporary folder: never a developer's data.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;
    private string? folder;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public AzuriteProcess Process => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "cdppe-tests-" + Guid.NewGuid().ToString("N"));
        azurite = await AzuriteProcess.StartAsync(folder);
    }

    /// <summary>Takes the storage away mid-work (the emulator stops; what it acknowledged stays on disk, as in Azure).</summary>
    public async Task StopAsync()
    {
        if (azurite is not null)
        {
            await azurite.StopAsync();
        }
    }

    /// <summary>Starts the emulator again on the same ports and data folder.</summary>
    public async Task StartAgainAsync()
    {
        var ports = (Process.BlobPort, Process.QueuePort, Process.TablePort);
        azurite = await AzuriteProcess.StartAsync(folder!, ports.BlobPort, ports.QueuePort, ports.TablePort);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Clients on this Azurite whose every request (and retry) goes through <paramref name="faults"/>.</summary>
    public async Task<CdppeStorage> FaultyStorageAsync(FaultPolicy faults)
    {
        var blobOptions = new Azure.Storage.Blobs.BlobClientOptions();
        var tableOptions = new Azure.Data.Tables.TableClientOptions();
        foreach (var retry in new[] { blobOptions.Retry, tableOptions.Retry })
        {
            retry.MaxRetries = 3;
            retry.Delay = TimeSpan.FromMilliseconds(20);
            retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        }

        blobOptions.Transport = faults;
        tableOptions.Transport = faults;
        var storage = new CdppeStorage(new Azure.Storage.Blobs.BlobServiceClient(ConnectionString, blobOptions), new Azure.Data.Tables.TableServiceClient(ConnectionString, tableOptions));
        await storage.EnsureCreatedAsync();
        return storage;
    }

    /// <summary>Clients on this Azurite with every container and table created. Tests isolate their data by département (<see cref="TestDepartements"/>).</summary>
    public async Task<CdppeStorage> StorageAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CdppeStorage.ConnectionName] = ConnectionString }).Build();
        var storage = CdppeStorage.FromConfiguration(configuration);
        await storage.EnsureCreatedAsync();
        return storage;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
