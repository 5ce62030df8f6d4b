using Azure.Data.Tables;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reliability;

/// <summary>The storage process killed in the middle of the work: retried, nothing lost, no partial state left visible.</summary>
[Trait("Category", "Soak")]
public sealed class EmulatorCrashTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task StorageKilledMidIngestionTheBlobIsProcessedOnRestart()
    {
        await using var app = await RunningApp.StartAsync(azurite, watchBlobs: true, pollSeconds: 0.2);
        var rows = 20_000;
        var bytes = HostileWorkbooks.ManyRows(rows);
        await app.Storage.Uploads.GetBlobClient("77/gros-suivi.xlsx").UploadAsync(new BinaryData(bytes));

        // Wait for the ingestion to start (its raw file archived), then kill the storage under it.
        await Until(async () => await app.Storage.Archive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "77/", default).AnyAsync());
        await azurite.StopAsync();
        await Task.Delay(1_500);
        await azurite.StartAgainAsync();

        var record = await Until(async () => await app.Storage.Table(TableNames.Ingestions).QueryAsync<TableEntity>(e => e.PartitionKey == "77" && e.GetString("Status") == "accepted").FirstOrDefaultAsync());
        var values = await app.Storage.Table(TableNames.IndicatorValues).QueryAsync<TableEntity>(e => e.PartitionKey == "77" && e.GetString("IngestionId") == record!.RowKey, select: ["RowKey"]).CountAsync();
        Assert.Equal(rows, values);
        // The receipt is written once the ingestion is over, its months consolidated included.
        var receipt = await Until(async () => await app.Storage.Table(TableNames.BlobReceipts).QueryAsync<BlobReceiptEntity>(r => r.BlobName == "77/gros-suivi.xlsx" && r.State == "done").SingleOrDefaultAsync());
        Assert.Equal("done", receipt!.State);
    }

    [Fact]
    public async Task StorageKilledMidConsolidationARerunCompletesTheSameResult()
    {
        var storage = await azurite.StorageAsync();
        var services = new Services(storage);
        var indicators = HostileWorkbooks.ManyRows(2_000); // 2 000 indicators with a January 2022 value
        await services.DropAndIngestAsync("2B", "suivi.xlsx", indicators);
        await services.DropAndIngestAsync("2A", "suivi.xlsx", indicators);
        YearMonth[] months = [.. YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12))];
        await services.Consolidator.ConsolidateAsync(Dep("2A"), months, "reference");

        var run = Task.Run(() => new Services(storage).ConsolidatorWith(TimeSpan.FromSeconds(15)).ConsolidateAsync(Dep("2B"), months, "crash"));
        await Until(async () => await storage.Table(TableNames.ConsolidationRuns).QueryAsync<TableEntity>(e => e.PartitionKey == "2B").AnyAsync());
        await azurite.StopAsync();
        var crashed = await Record.ExceptionAsync(() => run);
        await azurite.StartAgainAsync();
        // The crashed run could not release its lease: the rerun waits for it to expire (15 s), then completes the work.
        var rerun = await new Services(storage).ConsolidatorWaiting(TimeSpan.FromSeconds(40)).ConsolidateAsync(Dep("2B"), months, "rerun");

        Assert.NotNull(crashed);
        Assert.Equal(months.Length * 2_000, rerun.Snapshots);
        var reference = await Snapshots(storage, "2A");
        var recovered = await Snapshots(storage, "2B");
        Assert.Equal(reference.Select(s => s.Replace("|2A|", "|X|", StringComparison.Ordinal)), recovered.Select(s => s.Replace("|2B|", "|X|", StringComparison.Ordinal)));
    }

    private static Departement Dep(string code) => Departement.TryParse(code, out var d) ? d.Value : throw new ArgumentException(code);

    private static async Task<List<string>> Snapshots(CdppeStorage storage, string partition)
    {
        var rows = new List<string>();
        await foreach (var s in storage.Table(TableNames.Snapshots).QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add($"{s.RowKey}|{partition}|{s.GetDouble("Value")}|{s.GetString("Status")}|{s.GetBoolean("Reliable")}|{s.GetInt32("Revision")}");
        }

        return rows;
    }

    private static async Task<T> Until<T>(Func<Task<T>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = await probe();
                if (value is not null && !Equals(value, false))
                {
                    return value;
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage restarting.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Condition not met within 120 s.");
    }
}
