using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Contracts;

[Collection(AzuriteCollection.Name)]
public sealed class ContractServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ThePlanDActionAndTheAnnexesOf2023And2024GiveTheContractAndTheAvenantWithTheirOrigin()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var plan = await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var annexe2023 = await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21SeedLayout());
        var annexe2024 = await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2024.xlsx", SampleWorkbooks.Annexe21(SeedData.Annexe21Of2024));

        var contracts = await services.Contracts.ViewsAsync(dep.Code);

        Assert.Equal([("Contrat 2020-2022", "contrat"), ("Avenant 2023-2024", "avenant")], contracts.Select(c => (c.Name, c.Shape)));
        var origin = Assert.Single(contracts[0].Plans);
        Assert.Equal(("plan-action", plan.IngestionId, "plan-action-2020-2022.xlsx", "Plan d'action"), (origin.Kind, origin.IngestionId, origin.FileName, origin.Sheet));
        Assert.Equal([2020, 2021, 2022], origin.Years);
        Assert.Equal([$"{annexe2023.IngestionId} annexe-2-1-2023-2024.xlsx 2023,2024", $"{annexe2024.IngestionId} annexe-2-1-2024.xlsx 2024"], contracts[1].Plans.Select(p => $"{p.IngestionId} {p.FileName} {string.Join(',', p.Years)}"));

        // Stored as data: one row per contract.
        var rows = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Contracts, dep.Code);
        Assert.Equal(["2020|contrat", "2023|avenant"], rows.Select(r => r.RowKey));
        Assert.Equal("Avenant 2023-2024", rows[1].GetString("Name"));
    }

    [Fact]
    public async Task AWorkbookIsToldItsPeriodAndWarnedWhenItsYearsOrItsPlanFallOutsideTheContracts()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var head = await services.HeadAsync(dep.Code);

        var suivi2022 = await services.Contracts.AttachAsync(head, "x", "suivi-2022.xlsx", at, Parse(SampleWorkbooks.SuiviMensuel2022(indicators: 1)));
        var suivi2025 = await services.Contracts.AttachAsync(head, "y", "suivi-2025.xlsx", at, Parse(XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], ["O06-NOMBRE-IP-ENTRANTES", "Nombre d'IP entrantes", "2025-06", 512.0]])])));
        var overlapping = await services.Contracts.AttachAsync(head, "z", "annexe-2022.xlsx", at, Parse(SampleWorkbooks.Annexe21(SeedData.Annexe21 with { Annee = 2022, AnneeSuivante = 2023 })));

        Assert.Equal("Contrat 2020-2022", suivi2022.Periods);
        Assert.Empty(suivi2022.PeriodChanges);
        Assert.Empty(suivi2022.OutsideYears);
        Assert.Null(suivi2025.Periods);
        Assert.Equal([2025], suivi2025.OutsideYears);
        Assert.Equal("Suivi", suivi2025.OutsideSheet);
        var outside = IngestionMessages.OutsideContracts(suivi2025.OutsideYears, suivi2025.Contracts.Select(c => c.Name), suivi2025.OutsideSheet);
        Assert.Equal(("hors-periode", Severity.Warning, "Suivi"), (outside.Code, outside.Severity, outside.Sheet));
        Assert.StartsWith("Aucun contrat en vigueur en 2025 (contrats connus : Contrat 2020-2022)", outside.Message, StringComparison.Ordinal);
        Assert.Equal("Contrat 2020-2022, Avenant 2022-2023", overlapping.Periods);
        Assert.Equal("Plan d'action", overlapping.PlanSheet);
        Assert.Contains("pour 2022, le plan en vigueur reste celui de « Contrat 2020-2022 »", IngestionMessages.ContractPeriod(Assert.Single(overlapping.PeriodChanges), "Plan d'action").Message, StringComparison.Ordinal);
        Assert.Single(await services.Contracts.ListAsync(dep.Code));
    }

    private static WorkbookContent Parse(byte[] bytes) => new WorkbookParser().Parse(new MemoryStream(bytes));
}
