using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Configuration;

namespace Cdppe.Tests.Support;

/// <summary>One Azurite per test run, on free ports, data in a temporary folder: never a developer's data.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<AzuriteFixture, byte> Running = new();

    private AzuriteProcess? azurite;
    private string? folder;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public AzuriteProcess Process => azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "cdppe-tests-" + Guid.NewGuid().ToString("N"));
        azurite = await AzuriteProcess.StartAsync(folder);
        Running.TryAdd(this, 0);
    }

    /// <summary>Empties a département code in every test Azurite running now (before <see cref="TestDepartements"/> hands it out again).</summary>
    public static void EmptyEverywhere(Departement departement)
    {
        foreach (var fixture in Running.Keys)
        {
            fixture.EmptyAsync(departement).GetAwaiter().GetResult();
        }
    }

    /// <summary>Deletes every row of the département's partitions and every blob under its code (best effort: the emulator may be stopped by a test).</summary>
    public async Task EmptyAsync(Departement departement)
    {
        try
        {
            var storage = await StorageAsync();
            foreach (var name in TableNames.All)
            {
                var table = storage.Tables.GetTableClient(name);
                var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == departement.Code, select: ["PartitionKey", "RowKey"]).ToListAsync();
                foreach (var batch in rows.Chunk(100))
                {
                    await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)));
                }
            }

            foreach (var name in ContainerNames.All)
            {
                var container = storage.Blobs.GetBlobContainerClient(name);
                var prefixes = name == ContainerNames.Locks ? new[] { $"data-{departement.Code}", $"consolidation-{departement.Code}" } : [departement.Code + "/"];
                foreach (var prefix in prefixes)
                {
                    await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
                    {
                        var client = container.GetBlobClient(blob.Name);
                        if (blob.Properties.LeaseState == LeaseState.Leased)
                        {
                            await client.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
                        }

                        await client.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or InvalidOperationException)
        {
            // The emulator is stopped or restarting for a reliability test: its rows stay, as they did before.
        }
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
        Running.TryRemove(this, out _);
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
