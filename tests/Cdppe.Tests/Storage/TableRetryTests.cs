using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

/// <summary>
/// Throttling on Azurite, with the retry policy of the app (<see cref="CdppeStorage.UseRetryPolicy"/>) and a fault
/// injected at the transport, below the SDK's retries: 500 and 503 are retried, a transaction whose operation failed
/// with them is submitted again whole, a 4xx is not retried.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRetryTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task ATransactionAnsweredWithAServerErrorIsRetriedAndWrittenOnce(int status)
    {
        var (storage, faults) = await ProductionPolicyAsync();
        var partition = TestDepartements.Next().Code;
        var attempts = FailFirst(faults, status, inTransaction: false, FaultPolicy.BatchIn(partition));

        await TableBatches.SubmitAtomicAsync(storage.Table(TableNames.Snapshots), Adds(partition, 3));

        Assert.Equal(2, attempts());
        Assert.Equal(["r0", "r1", "r2"], await KeysAsync(storage, partition));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task ATransactionWhoseOperationFailedWithAServerErrorIsSubmittedAgainWhole(int status)
    {
        var (storage, faults) = await ProductionPolicyAsync();
        var partition = TestDepartements.Next().Code;
        var attempts = FailFirst(faults, status, inTransaction: true, FaultPolicy.BatchIn(partition));

        await TableBatches.SubmitAtomicAsync(storage.Table(TableNames.Snapshots), Adds(partition, 3));

        Assert.Equal(2, attempts());
        Assert.Equal(["r0", "r1", "r2"], await KeysAsync(storage, partition));
    }

    [Theory]
    [InlineData(409, false)]
    [InlineData(400, false)]
    [InlineData(409, true)]
    [InlineData(400, true)]
    public async Task AClientErrorIsNotRetried(int status, bool inTransaction)
    {
        var (storage, faults) = await ProductionPolicyAsync();
        var partition = TestDepartements.Next().Code;
        var attempts = FailFirst(faults, status, inTransaction, FaultPolicy.BatchIn(partition));

        var failure = await Assert.ThrowsAnyAsync<RequestFailedException>(() => TableBatches.SubmitAtomicAsync(storage.Table(TableNames.Snapshots), Adds(partition, 3)));

        Assert.Equal((status, 1), (failure.Status, attempts()));
        Assert.Empty(await KeysAsync(storage, partition));
    }

    [Fact]
    public async Task AConsolidationWhoseSnapshotsAreThrottledOnceWritesEachSnapshotOnce()
    {
        var (storage, faults) = await ProductionPolicyAsync();
        var services = new Services(storage, new ManualClock(new DateTimeOffset(2022, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 4));
        var attempts = FailFirst(faults, 503, inTransaction: false, FaultPolicy.Batch(TableNames.Snapshots, dep.Code));

        var summary = await services.Consolidator.ConsolidateAsync(dep, [new Pipeline.Model.YearMonth(2022, 6)], "test");

        Assert.Equal((4, 2), (summary.RevisionsWritten, attempts()));
        var rows = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.GetInt32("Revision")));
        Assert.Empty(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.SnapshotRevisions, dep.Code));
    }

    /// <summary>Clients on the test Azurite as the app builds them (its retry policy, shorter waits), through <see cref="FaultPolicy"/>.</summary>
    private async Task<(CdppeStorage Storage, FaultPolicy Faults)> ProductionPolicyAsync()
    {
        var faults = new FaultPolicy();
        var blobOptions = new Azure.Storage.Blobs.BlobClientOptions { Transport = faults };
        var tableOptions = new TableClientOptions { Transport = faults };
        CdppeStorage.UseRetryPolicy(blobOptions, TimeSpan.FromMilliseconds(10));
        CdppeStorage.UseRetryPolicy(tableOptions, TimeSpan.FromMilliseconds(10));
        var storage = new CdppeStorage(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString, blobOptions), new TableServiceClient(azurite.ConnectionString, tableOptions));
        await storage.EnsureCreatedAsync();
        return (storage, faults);
    }

    /// <summary>Fails the first transaction <paramref name="which"/> selects with <paramref name="status"/>; returns how many it selected (attempts).</summary>
    private static Func<int> FailFirst(FaultPolicy faults, int status, bool inTransaction, Func<Azure.Core.HttpMessage, bool> which)
    {
        var sent = 0;
        faults.Arm(m => which(m) && Interlocked.Increment(ref sent) == 1, status, inTransaction: inTransaction);
        return () => sent;
    }

    /// <summary>Inserts (not upserts): a transaction applied twice would fail with 409 the second time.</summary>
    private static List<TableTransactionAction> Adds(string partition, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{i}") { ["Value"] = i }))];

    private static async Task<List<string>> KeysAsync(CdppeStorage storage, string partition)
    {
        var keys = new List<string>();
        await foreach (var e in storage.Table(TableNames.Snapshots).QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"]))
        {
            keys.Add(e.RowKey);
        }

        return keys;
    }
}
