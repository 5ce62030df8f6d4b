using Cdppe.Pipeline.Portal;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>The portal's year choice: the years the contracts cover, never one whose period would be invented.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortalContextTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheYearsOfferedAreThoseOfTheContractsAndTheYearShownTheLatestWithData()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2024, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var contexts = services.Get<PortalContextService>();

        // Before any plan: the years the drops hold.
        var before = await contexts.BuildAsync(dep, [dep.Code], null, CancellationToken.None);
        Assert.Equal([2022], before.Annees);

        await services.DropPlansAsync(dep.Code);
        var after = await contexts.BuildAsync(dep, [dep.Code], null, CancellationToken.None);

        Assert.Equal([2022, 2021, 2020], after.Annees);
        Assert.Equal(2022, after.Annee);
    }

    [Fact]
    public async Task AnAvenantAddsItsYearsAndTheLatestCoveredYearWithDataIsShown()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2024, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropPlansAsync(dep.Code);
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21());

        var context = await services.Get<PortalContextService>().BuildAsync(dep, [dep.Code], null, CancellationToken.None);

        Assert.Equal([2024, 2023, 2022, 2021, 2020], context.Annees);
        Assert.Equal(2024, context.Annee);
    }
}
