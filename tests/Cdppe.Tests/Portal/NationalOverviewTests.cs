using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>The National page on an Azurite of its own (it reads every département there is).</summary>
public sealed class NationalOverviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryDepartementWithItsCompletenessAndTheNationalTotals()
    {
        var services = new Services(await azurite.StorageAsync());
        Assert.True(Departement.TryParse("77", out var seineEtMarne));
        Assert.True(Departement.TryParse("93", out var seineSaintDenis));
        await services.DropAndIngestAsync("77", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("77", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        await services.DropAndIngestAsync("93", "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync("93", "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
        await services.DropAndIngestAsync("93", "rapport-financier-div0.xlsx", PortalCorpus.Bytes("bad/rapport-financier-div0.xlsx"));
        await services.Consolidator.ConsolidateAsync(seineEtMarne.Value, [new YearMonth(2022, 12)], "test");
        await services.Consolidator.ConsolidateAsync(seineSaintDenis.Value, [new YearMonth(2022, 12)], "test");

        var national = await services.Get<NationalOverviewService>().BuildAsync(2022);

        Assert.Equal(["77", "93"], national.Departements.Select(d => d.Departement));
        Assert.Equal(["Seine-et-Marne", "Seine-Saint-Denis"], national.Departements.Select(d => d.Name));
        Assert.Equal((2, 2, 0), (national.Departements[0].Drops, national.Departements[0].Accepted, national.Departements[0].Rejected));
        Assert.Equal((3, 2, 1), (national.Departements[1].Drops, national.Departements[1].Accepted, national.Departements[1].Rejected));
        Assert.All(national.Departements, d => Assert.Equal((2, 5, 0.4m), (d.KindsPresent, d.KindsRequired, d.Completeness)));
        Assert.Equal(62_234_346m, national.Budget.BudgetGlobal);
        Assert.Equal(42_505_496m, national.Budget.ConsumedCumulative);
        Assert.Equal(2, national.Counts.Count);
        Assert.All(national.Counts, c => Assert.Equal(2, c.Departements));
        // The second count: the first one's values after June are declared unreliable, the report keeps June's.
        var (code, _, annual, _) = SampleWorkbooks.CountIndicators().Skip(1).First();
        Assert.Equal(2 * Math.Round(annual), national.Counts.Single(c => c.Code == code).Total);
        // Each total says the month of the values it adds: June for the first count (its later months unreliable).
        Assert.Equal(("décembre 2022", false), (national.Counts.Single(c => c.Code == code).Months, national.Counts.Single(c => c.Code == code).MixedMonths));
        var first = SampleWorkbooks.CountIndicators().First().Code;
        Assert.Equal(("juin 2022", false), (national.Counts.Single(c => c.Code == first).Months, national.Counts.Single(c => c.Code == first).MixedMonths));
    }
}
