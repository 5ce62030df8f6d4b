using Azure;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

/// <summary>The commit of an accepted ingestion: record, dataset pointers and superseded marks in one transaction.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestionStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ACommitMovesItsPointersAndMarksTheIngestionsItReplaces()
    {
        var (store, dep) = await StoreAsync();
        await store.CommitAsync(Record(dep, "a"), await store.HeadAsync(dep), ["plan-action", "rapport-financier|2022"]);

        var superseded = await store.CommitAsync(Record(dep, "b"), await store.HeadAsync(dep), ["plan-action"]);

        var head = await store.HeadAsync(dep);
        Assert.Equal(("b", "a"), (head.Of("plan-action"), head.Of("rapport-financier|2022")));
        Assert.Equal(["a"], superseded.Keys);
        Assert.Equal(["plan-action:b"], (await store.FindAsync(dep, "a"))!.SupersededBy);
        Assert.Equal(["b", "a"], (await store.ListAsync(dep)).Select(r => r.Id));
        Assert.Equal(["a", "b"], (await store.AcceptedAsync(dep)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACommitAgainstPointersThatChangedMeanwhileWritesNothing()
    {
        var (store, dep) = await StoreAsync();
        await store.CommitAsync(Record(dep, "a"), await store.HeadAsync(dep), ["plan-action"]);
        var stale = await store.HeadAsync(dep);
        await store.CommitAsync(Record(dep, "b"), stale, ["plan-action"]);

        var refused = await Xunit.Record.ExceptionAsync(() => store.CommitAsync(Record(dep, "c"), stale, ["plan-action"]));

        Assert.Equal(412, Assert.IsAssignableFrom<RequestFailedException>(refused).Status);
        Assert.Null(await store.FindAsync(dep, "c"));
        Assert.Equal("b", (await store.HeadAsync(dep)).Of("plan-action"));
        Assert.Equal(["plan-action:b"], (await store.FindAsync(dep, "a"))!.SupersededBy);
    }

    private static IngestionRecord Record(string dep, string id) => new()
    {
        Partition = dep,
        Id = id,
        Status = IngestionStatus.Accepted,
        ReceivedAt = new DateTimeOffset(2023, 1, id[0] - 'a' + 1, 8, 0, 0, TimeSpan.Zero),
    };

    private async Task<(IngestionStore Store, string Departement)> StoreAsync() =>
        (new Services(await azurite.StorageAsync()).Get<IngestionStore>(), "test-" + Guid.NewGuid().ToString("N"));
}
