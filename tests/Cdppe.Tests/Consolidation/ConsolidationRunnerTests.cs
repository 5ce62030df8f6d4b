using Azure.Data.Tables;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

[Collection(AzuriteCollection.Name)]
public sealed class ConsolidationRunnerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AYearOfSeveralDepartementsConsolidatedAtOnceGivesTheSnapshotsOfOneByOne()
    {
        // Dropped before the months are over (the drops consolidate nothing), consolidated in February 2023.
        var clock = new ManualClock(new DateTimeOffset(2022, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var services = new Services(await azurite.StorageAsync(), clock);
        var oneByOne = Enumerable.Range(0, 3).Select(_ => TestDepartements.Next()).ToList();
        var atOnce = Enumerable.Range(0, 3).Select(_ => TestDepartements.Next()).ToList();
        foreach (var dep in oneByOne.Concat(atOnce))
        {
            await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 6));
        }

        clock.Advance(TimeSpan.FromDays(400));
        YearMonth[] year = [.. YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12))];
        foreach (var dep in oneByOne)
        {
            await services.Consolidator.ConsolidateAsync(dep, year, "test");
        }

        var summaries = await services.Runner.ConsolidateYearAsync(2022, "test", atOnce);

        Assert.Equal(atOnce.Select(d => (d.Code, 72, 72)), summaries.Select(s => (s.Departement, s.Snapshots, s.RevisionsWritten)));
        var expected = await SnapshotsAsync(services, oneByOne[0]);
        Assert.Equal(72, expected.Count);
        foreach (var dep in oneByOne.Skip(1).Concat(atOnce))
        {
            Assert.Equal(expected, await SnapshotsAsync(services, dep));
        }

        Assert.Empty(await services.Runner.ConsolidateYearAsync(2022, "test", []));
        var again = await services.Runner.ConsolidateYearAsync(2022, "test", atOnce);
        Assert.All(again, s => Assert.Equal((72, 0), (s.Snapshots, s.RevisionsWritten)));
    }

    /// <summary>A département's snapshots without their partition and storage metadata (the source ingestion's id, and so the content hash, names the département).</summary>
    private static async Task<List<string>> SnapshotsAsync(Services services, Departement dep) =>
        [.. (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code))
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => string.Join('|', r.RowKey, r.GetString("Label"), r.GetDouble("Value"), r.GetBoolean("IsPercent"), r.GetString("Text"), r.GetDouble("Target"), r.GetString("TargetText"), r.GetString("Status"), r.GetBoolean("Reliable"), r.GetString("SourceIngestion") is null ? "-" : "drop", r.GetInt32("Revision")))];
}
