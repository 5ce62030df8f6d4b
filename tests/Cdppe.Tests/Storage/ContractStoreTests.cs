using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class ContractStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ContractsDerivedAgainByManyReadersAtOnceDeleteTheirStaleRowsWithoutFailing()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var contracts = await services.Contracts.ListAsync(dep.Code);
        var store = services.Get<ContractStore>();
        var table = services.Storage.Table(TableNames.Contracts);

        for (var round = 1; round <= 5; round++)
        {
            // A contract of a period that no longer exists: every reader finds it stale and deletes it.
            await table.UpsertEntityAsync(new TableEntity(dep.Code, $"2017|contrat-{round}") { ["Name"] = "Contrat 2017-2019" });
            var at = new DateTimeOffset(2025, 1, round, 8, 0, 0, TimeSpan.Zero);

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ReplaceAsync(dep.Code, contracts, $"v{round}", at)));

            var rows = await Ingestion.WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Contracts, dep.Code);
            Assert.Equal(["2020|contrat"], rows.Select(r => r.RowKey));
        }
    }
}
