using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

[Collection(AzuriteCollection.Name)]
public sealed class MonthlyConsolidatorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task LostMonthIsAnExplicitGapNeverCarriedForward()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 4));

        var september = await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 9)], "test");
        var october = await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 10)], "test");

        Assert.Equal((4, 0), (september.Snapshots, september.Gaps));
        Assert.Equal((4, 4), (october.Snapshots, october.Gaps));
        var rows = await WorkbookIngestorTests.Rows<SnapshotEntity>(services, TableNames.Snapshots, dep.Code);
        Assert.All(rows.Where(r => r.Month == "2022-10"), r => Assert.Equal((SnapshotStatus.Missing, (double?)null), (r.Status, r.Value)));
        Assert.All(rows.Where(r => r.Month == "2022-09"), r => Assert.NotNull(r.Value));
    }

    [Fact]
    public async Task SameInputsWriteNoNewRevisionAndChangedInputsKeepThePreviousOne()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var june = new YearMonth(2022, 6);
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 3));
        var first = await services.Consolidator.ConsolidateAsync(dep, [june], "test");
        var before = await WorkbookIngestorTests.Rows<SnapshotEntity>(services, TableNames.Snapshots, dep.Code);

        var again = await services.Consolidator.ConsolidateAsync(dep, [june], "test");
        var unchanged = await WorkbookIngestorTests.Rows<SnapshotEntity>(services, TableNames.Snapshots, dep.Code);

        Assert.Equal(3, first.RevisionsWritten);
        Assert.Equal(0, again.RevisionsWritten);
        Assert.Equal(before.Select(r => (r.RowKey, r.ETag)), unchanged.Select(r => (r.RowKey, r.ETag)));

        // A later upload corrects one June value: that snapshot gets revision 2, revision 1 stays readable.
        await services.DropAndIngestAsync(dep.Code, "suivi-juin.xlsx", Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("S", [["Code", "Libellé", "Période", "Valeur"], [before[0].Code, before[0].Label, "2022-06", 1.0]])]));
        var changed = await services.Consolidator.ConsolidateAsync(dep, [june], "test");

        Assert.Equal(1, changed.RevisionsWritten);
        var current = (await services.Storage.Table(TableNames.Snapshots).GetEntityAsync<SnapshotEntity>(dep.Code, before[0].RowKey)).Value;
        Assert.Equal((2, 1.0), (current.Revision, current.Value!.Value));
        var previous = (await services.Storage.Table(TableNames.SnapshotRevisions).GetEntityAsync<SnapshotEntity>(dep.Code, before[0].RowKey + "|0001")).Value;
        Assert.Equal(before[0].Value, previous.Value);
    }

    [Fact]
    public async Task PlannerCatchesUpEveryUnconsolidatedMonthInParisTime()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 1), new YearMonth(2022, 2)], "test");

        // 31 March 2022 23:30 UTC is already 1 April in Paris: March is finished there.
        var plans = await services.Planner.PlanAsync(new DateTimeOffset(2022, 3, 31, 23, 30, 0, TimeSpan.Zero), dep);

        var plan = Assert.Single(plans);
        Assert.Equal([new YearMonth(2022, 3)], plan.Months);
        Assert.Equal(new YearMonth(2022, 2), ConsolidationPlanner.LastFinishedMonth(new DateTimeOffset(2022, 3, 31, 21, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task SecondConcurrentRunOfTheSameDepartementExitsCleanly()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        var lockBlob = services.Storage.Locks.GetBlobClient($"consolidation-{dep.Code}");
        await lockBlob.UploadAsync(BinaryData.FromString("x"), overwrite: true);
        var lease = Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(lockBlob);
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        var busy = await Assert.ThrowsAsync<ConsolidationBusyException>(() => services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 1)], "test"));

        Assert.Contains("déjà en cours", busy.Message, StringComparison.Ordinal);
        await lease.ReleaseAsync();
        Assert.Equal(2, (await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 1)], "test")).Snapshots);
    }
}
