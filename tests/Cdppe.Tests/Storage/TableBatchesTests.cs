using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableBatchesTests(AzuriteFixture azurite)
{
    private const int FourMebibytes = 4 * 1024 * 1024;

    private static TableTransactionAction Upsert(string partition, int i) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i });

    [Fact]
    public void PlanSplitsByPartitionAndByHundred()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Upsert(i % 2 == 0 ? "77" : "2A", i)).ToList();

        var batches = TableBatches.Plan(actions);

        Assert.Equal([100, 25, 100, 25], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
    }

    [Fact]
    public void CrossPartitionOrOversizedBatchIsRefusedBeforeReachingStorage()
    {
        Assert.Throws<InvalidOperationException>(() => TableBatches.EnsureValid([Upsert("77", 1), Upsert("78", 2)]));
        Assert.Throws<InvalidOperationException>(() => TableBatches.EnsureValid(Enumerable.Range(0, 101).Select(i => Upsert("77", i)).ToList()));
    }

    [Fact]
    public async Task SubmitWritesEveryEntityAcrossPartitions()
    {
        var storage = await azurite.StorageAsync();
        var table = storage.Table("BatchTest" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();

        var written = await TableBatches.SubmitAsync(table, Enumerable.Range(0, 250).Select(i => Upsert(i % 2 == 0 ? "a" : "b", i)));

        Assert.Equal(250, written);
        Assert.Equal(250, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task AHundredLargeEntitiesAreSplitBySizeUnderFourMebibytesAndAllWritten()
    {
        // 100 entities of 2 × 30 000 characters: about 6 MB in one transaction, which the service refuses.
        var requests = new RecordingTransport();
        var table = new TableClient(azurite.ConnectionString, "BigBatch" + Guid.NewGuid().ToString("N")[..8], new TableClientOptions { Transport = requests });
        await table.CreateIfNotExistsAsync();
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("77", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["A"] = new string('a', 30_000), ["B"] = new string('b', 30_000) }))
            .ToList();

        var whole = await Record.ExceptionAsync(() => table.SubmitTransactionAsync(actions));
        requests.BatchSizes.Clear();
        var written = await TableBatches.SubmitAsync(table, actions);

        Assert.IsAssignableFrom<RequestFailedException>(whole);
        Assert.Equal(100, written);
        Assert.True(requests.BatchSizes.Count >= 2, $"{requests.BatchSizes.Count} batch(es)");
        Assert.All(requests.BatchSizes, size => Assert.True(size <= FourMebibytes, $"a batch of {size} bytes"));
        Assert.Equal(100, await table.QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync());
    }

    /// <summary>Sends requests as usual and records the size of every batch request body.</summary>
    private sealed class RecordingTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport inner = HttpClientTransport.Shared;

        public List<long> BatchSizes { get; } = [];

        public override Request CreateRequest() => inner.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && message.Request.Content is { } content)
            {
                using var buffer = new MemoryStream();
                await content.WriteToAsync(buffer, CancellationToken.None);
                BatchSizes.Add(buffer.Length);
            }

            await inner.ProcessAsync(message);
        }
    }
}
