using Azure.Data.Tables;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

[Collection(AzuriteCollection.Name)]
public sealed class MonthlyConsolidatorTests(AzuriteFixture azurite)
{
    /// <summary>A time before the sample's 2022 months are over: a drop then consolidates none of them itself.</summary>
    private static readonly DateTimeOffset BeforeTheData = new(2022, 1, 5, 9, 0, 0, TimeSpan.Zero);

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
        var rows = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);
        Assert.All(rows.Where(r => r.GetString("Month") == "2022-10"), r => Assert.Equal((SnapshotStatus.Missing, (double?)null), (SnapshotStatuses.Parse(r.GetString("Status")), r.GetDouble("Value"))));
        Assert.All(rows.Where(r => r.GetString("Month") == "2022-09"), r => Assert.NotNull(r.GetDouble("Value")));
    }

    [Fact]
    public async Task SameInputsWriteNoNewRevisionAndChangedInputsKeepThePreviousOne()
    {
        // Dropped before June 2022 is over: the drops do not consolidate it themselves, the explicit runs do.
        var clock = new ManualClock(BeforeTheData);
        var services = new Services(await azurite.StorageAsync(), clock);
        var dep = TestDepartements.Next();
        var june = new YearMonth(2022, 6);
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 3));
        var first = await services.Consolidator.ConsolidateAsync(dep, [june], "test");
        var before = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);

        var again = await services.Consolidator.ConsolidateAsync(dep, [june], "test");
        var unchanged = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);

        Assert.Equal(3, first.RevisionsWritten);
        Assert.Equal(0, again.RevisionsWritten);
        Assert.Equal(before.Select(r => (r.RowKey, r.ETag)), unchanged.Select(r => (r.RowKey, r.ETag)));

        // A later upload corrects one June value: that snapshot gets revision 2, revision 1 stays readable.
        clock.Advance(TimeSpan.FromDays(1));
        await services.DropAndIngestAsync(dep.Code, "suivi-juin.xlsx", Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("S", [["Code", "Libellé", "Période", "Valeur"], [before[0].GetString("Code"), before[0].GetString("Label"), "2022-06", 1.0]])]));
        var changed = await services.Consolidator.ConsolidateAsync(dep, [june], "test");

        Assert.Equal(1, changed.RevisionsWritten);
        var current = (await services.Storage.Table(TableNames.Snapshots).GetEntityAsync<TableEntity>(dep.Code, before[0].RowKey)).Value;
        Assert.Equal((2, 1.0), (current.GetInt32("Revision"), current.GetDouble("Value")!.Value));
        var previous = (await services.Storage.Table(TableNames.SnapshotRevisions).GetEntityAsync<TableEntity>(dep.Code, before[0].RowKey + "|0001")).Value;
        Assert.Equal(before[0].GetDouble("Value"), previous.GetDouble("Value"));
    }

    [Fact]
    public async Task PlannerCatchesUpEveryUnconsolidatedMonthInParisTime()
    {
        // Dropped on 31 March 2022 at 23:00 in Paris: the drop consolidates January and February, March is not over.
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2022, 3, 31, 21, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));

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

        var busy = await Assert.ThrowsAsync<DepartementBusyException>(() => services.ConsolidatorWaiting(TimeSpan.FromSeconds(1)).ConsolidateAsync(dep, [new YearMonth(2022, 1)], "test"));

        Assert.Contains("déjà en cours", busy.Message, StringComparison.Ordinal);
        await lease.ReleaseAsync();
        Assert.Equal(2, (await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 1)], "test")).Snapshots);
    }

    [Fact]
    public async Task TwoConcurrentRunsSerializeAndProduceOneConsistentResult()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(BeforeTheData));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 5));
        YearMonth[] months = [.. YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12))];

        var runs = await Task.WhenAll(services.Consolidator.ConsolidateAsync(dep, months, "a"), services.Consolidator.ConsolidateAsync(dep, months, "b"));

        Assert.Equal(60, runs[0].RevisionsWritten + runs[1].RevisionsWritten);
        Assert.Contains(0, runs.Select(r => r.RevisionsWritten));
        var rows = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);
        Assert.Equal(60, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.GetInt32("Revision")));
        Assert.Empty(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.SnapshotRevisions, dep.Code));
    }

    [Fact]
    public async Task SeedIndicatorsGetTargetsStatusesAndTheDerivedRate()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        IndicatorDefinition[] definitions =
        [
            new() { Code = "O05-IP-EVALUEES", Label = "Nombre d'IP évaluées", Kind = IndicatorKind.Count, Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(3_000m, false, null) } },
            new() { Code = "O05-IP-EVALUEES-3-MOIS", Label = "Nombre d'IP évaluées sous 3 mois", Kind = IndicatorKind.Count },
            new() { Code = "O05-TAUX-IP-EVALUEES-DELAIS", Label = "Taux d'IP évaluées dans les délais", Kind = IndicatorKind.Rate, NumeratorCode = "O05-IP-EVALUEES-3-MOIS", DenominatorCode = "O05-IP-EVALUEES", Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(0.5m, true, null) } },
        ];
        // The definitions as a tableau de bord states them, committed as an ingestion would commit them.
        await TableBatches.UpsertAsync(services.Storage.Table(TableNames.IndicatorSources), definitions.Select(d => IndicatorStore.ToEntity(dep.Code, "def", TableauDeBordParser.KindName, d)));
        await services.Get<IngestionStore>().CommitAsync(new IngestionRecord { Partition = dep.Code, Id = "def", Status = IngestionStatus.Accepted }, await services.HeadAsync(dep.Code), [DatasetKeys.Indicators(TableauDeBordParser.KindName)]);
        var rows = new List<IReadOnlyList<object?>> { new object?[] { "Code", "Libellé", "Période", "Valeur", "Fiable" } };
        rows.Add(new object?[] { "O05-IP-EVALUEES", "Nombre d'IP évaluées", "2022-06", 1_520.0, "oui" });
        rows.Add(new object?[] { "O05-IP-EVALUEES-3-MOIS", "Nombre d'IP évaluées sous 3 mois", "2022-06", 499.0, "oui" });
        rows.Add(new object?[] { "O05-IP-EVALUEES", "Nombre d'IP évaluées", "2022-12", 2_932.0, "oui" });
        rows.Add(new object?[] { "O05-IP-EVALUEES-3-MOIS", "Nombre d'IP évaluées sous 3 mois", "2022-12", 998.0, "non" });
        await services.DropAndIngestAsync(dep.Code, "ip.xlsx", Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("Suivi", rows)]));

        await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 6), new YearMonth(2022, 10), new YearMonth(2022, 12)], "test");

        var snapshots = (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code)).ToDictionary(s => s.RowKey);
        var rate = snapshots["2022-12|O05-TAUX-IP-EVALUEES-DELAIS"];
        Assert.Equal(0.340382, rate.GetDouble("Value")!.Value, 6);
        Assert.Equal((0.5, SnapshotStatus.Late, false), (rate.GetDouble("Target"), SnapshotStatuses.Parse(rate.GetString("Status")), rate.GetBoolean("Reliable")));
        Assert.Equal(SnapshotStatus.OnTrack, SnapshotStatuses.Parse(snapshots["2022-06|O05-IP-EVALUEES"].GetString("Status")));
        Assert.Equal(SnapshotStatus.Missing, SnapshotStatuses.Parse(snapshots["2022-10|O05-TAUX-IP-EVALUEES-DELAIS"].GetString("Status")));
        Assert.Equal(SnapshotStatus.Late, SnapshotStatuses.Parse(snapshots["2022-12|O05-IP-EVALUEES"].GetString("Status")));
        Assert.Equal(SnapshotStatus.NoTarget, SnapshotStatuses.Parse(snapshots["2022-12|O05-IP-EVALUEES-3-MOIS"].GetString("Status")));
    }

    [Fact]
    public async Task MissedRunsAreCaughtUpAndALateCorrectionRevisesOnlyItsMonth()
    {
        // The year's values were dropped before its months were over, then the timer did not run for a year.
        var clock = new ManualClock(BeforeTheData);
        var services = new Services(await azurite.StorageAsync(), clock);
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        var runner = services.Runner;
        clock.Advance(new DateTimeOffset(2023, 2, 10, 4, 0, 0, TimeSpan.Zero) - BeforeTheData);

        var catchUp = Assert.Single(await runner.RunDueAsync("timer", dep));
        var nothing = await runner.RunDueAsync("timer", dep);

        Assert.Equal(YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2023, 1)).Select(m => m.ToString()), catchUp.Months);
        Assert.Empty(nothing);

        clock.Advance(TimeSpan.FromDays(1));
        var code = (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code))[0].GetString("Code");
        await services.DropAndIngestAsync(dep.Code, "correction-mars.xlsx", Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("S", [["Code", "Libellé", "Période", "Valeur"], [code, "corrigé", "2022-03", 4_242.0]])]));

        // The correction's drop consolidated its month at once: the timer has nothing left to do.
        Assert.Empty(await runner.RunDueAsync("timer", dep));
        var late = (await services.Get<ConsolidationRunStore>().RunsAsync(dep.Code))[0];
        Assert.Equal((IngestionConsolidation.Trigger, 1), (late.Trigger, late.RevisionsWritten));
        Assert.Equal(["2022-03"], late.Months);
        var revised = Assert.Single(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.SnapshotRevisions, dep.Code));
        Assert.StartsWith($"2022-03|{code}|0001", revised.RowKey, StringComparison.Ordinal);
    }
}
