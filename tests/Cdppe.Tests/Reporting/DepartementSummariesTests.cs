using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reporting;

/// <summary>The départements' stored summaries behind the national views, on an Azurite of their own (the views read every département there is).</summary>
public sealed class DepartementSummariesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AViewReadsTheStoredSummariesAndANewDropOrConsolidationRefreshesThem()
    {
        var services = new Services(await azurite.StorageAsync());
        Assert.True(Departement.TryParse("2B", out var hauteCorse));
        await services.DropAndIngestAsync("2B", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        var national = services.Get<NationalOverviewService>();
        var store = services.Get<DepartementSummaryStore>();

        var before = (await national.BuildAsync(2021)).Departements.Single(d => d.Departement == "2B");
        Assert.Equal((0m, 1, "Haute-Corse"), (before.Figures.Budget, before.Drops, before.Name));

        // A view of fresh summaries builds no report model: it shows what the stored row says, even a changed one.
        var stored = (await store.YearAsync(2021))["2B"];
        await store.SaveAsync(stored with { Name = "Haute-Corse (ligne enregistrée)", BudgetGlobal = 1m });
        var again = (await national.BuildAsync(2021)).Departements.Single(d => d.Departement == "2B");
        Assert.Equal(("Haute-Corse (ligne enregistrée)", 1m), (again.Name, again.Figures.Budget));

        // A new drop gives the département a new change stamp: its summary is computed again, with the new figures.
        await services.DropAndIngestAsync("2B", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var dropped = (await national.BuildAsync(2021)).Departements.Single(d => d.Departement == "2B");
        Assert.Equal(("Haute-Corse", 2), (dropped.Name, dropped.Drops));
        var year2022 = (await national.BuildAsync(2022)).Departements.Single(d => d.Departement == "2B");
        Assert.Equal((31_117_173m, 21_252_748m), (year2022.Figures.Budget, year2022.Figures.Consumed));

        // So does a consolidation: the stored summary carries the date of the new run (the national workbook's « Dernière consolidation »).
        var summary = await store.YearAsync(2022);
        await services.Consolidator.ConsolidateAsync(hauteCorse.Value, [new YearMonth(2022, 11)], "test");
        var consolidated = (await national.BuildAsync(2022)).Departements.Single(d => d.Departement == "2B");
        var refreshed = (await store.YearAsync(2022))["2B"];
        var ended = (await services.Get<ConsolidationRunStore>().RunsAsync("2B"))[0].EndedAt;
        Assert.NotEqual(summary["2B"].LastConsolidation, refreshed.LastConsolidation);
        Assert.Equal(ended, refreshed.LastConsolidation);
        Assert.Equal(31_117_173m, consolidated.Figures.Budget);
    }
}
