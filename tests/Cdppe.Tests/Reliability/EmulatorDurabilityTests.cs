using Azure.Data.Tables;
using Cdppe.Functions.Standalone;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Azurite keeps its blob and table metadata in memory (LokiJS) and writes it to disk every 5 s, and when it is
/// interrupted (SIGINT or SIGTERM); a kill loses what it acknowledged in the last seconds. The launcher
/// (<see cref="AzuriteProcess"/>, what the standalone host disposes on exit) interrupts it and waits: an upload
/// acknowledged just before the stop is there after the restart.
/// </summary>
public sealed class EmulatorDurabilityTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cdppe-durability-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task WritesAcknowledgedJustBeforeTheLauncherStopsTheEmulatorSurviveTheRestart()
    {
        var azurite = await AzuriteProcess.StartAsync(folder);
        var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var (blobs, table) = await ClientsAsync(azurite.ConnectionString);
        var bytes = Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray();

        // Stopped as the standalone host stops it on exit (await using), at once after the writes were acknowledged.
        await blobs.GetBlobClient("77/depot.xlsx").UploadAsync(new BinaryData(bytes), overwrite: true);
        await table.UpsertEntityAsync(new TableEntity("77", "depot") { ["State"] = "done" });
        await azurite.DisposeAsync();

        await using var restarted = await AzuriteProcess.StartAsync(folder, ports.BlobPort, ports.QueuePort, ports.TablePort);
        var (blobsAfter, tableAfter) = await ClientsAsync(restarted.ConnectionString);
        var blob = await blobsAfter.GetBlobClient("77/depot.xlsx").DownloadContentAsync();
        var entity = await tableAfter.GetEntityAsync<TableEntity>("77", "depot");

        Assert.Equal(bytes, blob.Value.Content.ToArray());
        Assert.Equal("done", entity.Value.GetString("State"));
    }

    private static async Task<(Azure.Storage.Blobs.BlobContainerClient Blobs, TableClient Table)> ClientsAsync(string connection)
    {
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connection).GetBlobContainerClient("uploads");
        await blobs.CreateIfNotExistsAsync();
        var table = new TableServiceClient(connection).GetTableClient("BlobReceipts");
        await table.CreateIfNotExistsAsync();
        return (blobs, table);
    }
}
