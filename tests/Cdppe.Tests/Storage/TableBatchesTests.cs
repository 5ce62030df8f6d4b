using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableBatchesTests(AzuriteFixture azurite)
{
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
}
