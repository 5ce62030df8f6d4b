using Azure;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

/// <summary>A month whose inputs did not change since its last consolidation is decided from its fingerprint, without reading its values or snapshots.</summary>
public sealed class ConsolidationFingerprintTests
{
    private static readonly DateTimeOffset BeforeTheData = new(2022, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARerunWithNothingChangedReadsNeitherTheValuesNorTheIndicatorsNorTheSnapshots()
    {
        // Its own storage: the tables the re-run must not read are deleted.
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            var clock = new ManualClock(BeforeTheData);
            var services = new Services(await own.StorageAsync(), clock);
            var dep = TestDepartements.Next();
            YearMonth[] months = [new(2022, 1), new(2022, 2), new(2022, 3)];
            await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 3));
            var first = await services.Consolidator.ConsolidateAsync(dep, months, "test");
            foreach (var table in new[] { TableNames.Snapshots, TableNames.IndicatorValues, TableNames.IndicatorSources })
            {
                await services.Storage.Tables.DeleteTableAsync(table);
            }

            clock.Advance(TimeSpan.FromHours(1));
            var again = await services.Consolidator.ConsolidateAsync(dep, months, "test");

            Assert.Equal((9, 9), (first.Snapshots, first.RevisionsWritten));
            Assert.Equal((9, 0, first.Gaps), (again.Snapshots, again.RevisionsWritten, again.Gaps));
            var recorded = await services.Get<ConsolidationRunStore>().MonthsAsync(dep.Code);
            Assert.All(months, m => Assert.Equal((BeforeTheData.AddHours(1), 0, 3), (recorded[m].StartedAt, recorded[m].RevisionsWritten, recorded[m].Snapshots)));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public void TheFingerprintChangesWithTheMonthTheCurrentDatasetsAndTheAcceptedIngestions()
    {
        var june = new YearMonth(2022, 6);
        var head = new DatasetHead("77", new Dictionary<string, string> { ["tableau-de-bord"] = "a1", ["plan-action"] = "b2" }, new ETag("1"));
        var sameHeadOtherOrder = new DatasetHead("77", new Dictionary<string, string> { ["plan-action"] = "b2", ["tableau-de-bord"] = "a1" }, new ETag("2"));
        var moved = new DatasetHead("77", new Dictionary<string, string> { ["tableau-de-bord"] = "c3", ["plan-action"] = "b2" }, new ETag("3"));
        var accepted = new HashSet<string> { "a1", "b2", "c3" };

        var fingerprint = MonthlyConsolidator.InputsFingerprint(june, head, accepted);

        Assert.Equal(fingerprint, MonthlyConsolidator.InputsFingerprint(june, sameHeadOtherOrder, new HashSet<string> { "c3", "b2", "a1" }));
        Assert.NotEqual(fingerprint, MonthlyConsolidator.InputsFingerprint(new YearMonth(2022, 7), head, accepted));
        Assert.NotEqual(fingerprint, MonthlyConsolidator.InputsFingerprint(june, moved, accepted));
        Assert.NotEqual(fingerprint, MonthlyConsolidator.InputsFingerprint(june, head, new HashSet<string> { "a1", "b2", "c3", "d4" }));
    }
}
