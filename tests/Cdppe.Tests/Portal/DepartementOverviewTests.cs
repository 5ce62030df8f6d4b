using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>The Accueil of a département from real ingestions on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DepartementOverviewTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListsTheLastDropsTheMissingKindsAndTheYearsBudget()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-div0.xlsx", PortalCorpus.Bytes("bad/rapport-financier-div0.xlsx"));

        var overview = await Overview(services).BuildAsync(dep, 2022);

        Assert.Equal(["rapport-financier-div0.xlsx", "rapport-financier-2022.xlsx"], overview.LastDrops.Select(d => d.FileName));
        Assert.Equal(["refusé", "importé"], overview.LastDrops.Select(d => d.StatusLabel));
        Assert.True(overview.LastDrops[0].HasAnnotatedCopy);
        Assert.Equal(["plan-action", "tableau-de-bord", "bilans-fiches", "suivi-mensuel"], overview.MissingKinds.Select(k => k.Kind));
        Assert.Equal("Bilans des fiches actions", overview.MissingKinds[2].Label);
        Assert.Equal(31_117_173m, overview.Figures.Budget);
        Assert.Equal("2020-2022", overview.Figures.Period);
        Assert.Equal(21_252_748m, overview.Figures.Consumed); // the lines' sum (the seed's printed total, 21 252 747 €, is rounded)
        Assert.True(overview.ReportAvailable);
        Assert.Null(overview.LastConsolidation);
    }

    [Fact]
    public async Task ShowsTheMonthsWithoutValuesTheUnreliableValuesAndTheConsolidationDate()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 4));
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");

        var overview = await Overview(services).BuildAsync(dep, 2022);

        var october = Assert.Single(overview.MissingMonths);
        Assert.Equal(("2022-10", "octobre 2022", 4, false), (october.Month, october.Label, october.Missing, october.NotConsolidated));
        // The sample declares the first indicator of every three unreliable from July: indicators 1 and 4 of 4.
        Assert.Equal(2, overview.Unreliable.Count);
        Assert.Equal(["2022-07", "2022-08", "2022-09", "2022-11", "2022-12"], overview.Unreliable[0].Months);
        Assert.NotNull(overview.LastConsolidation);
        Assert.Contains(overview.MissingKinds, k => k.Kind == "rapport-financier");
        Assert.DoesNotContain(overview.MissingKinds, k => k.Kind == "suivi-mensuel");
    }

    [Fact]
    public async Task ADepartementWithoutDropsHasNothingAndNoReport()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var overview = await Overview(services).BuildAsync(dep, 2022);

        Assert.Empty(overview.LastDrops);
        Assert.Equal(5, overview.MissingKinds.Count);
        Assert.False(overview.ReportAvailable);
    }

    internal static DepartementOverviewService Overview(Services services) => services.Get<DepartementOverviewService>();
}
