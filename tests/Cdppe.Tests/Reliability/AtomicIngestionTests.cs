using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Moq;

namespace Cdppe.Tests.Reliability;

/// <summary>An ingestion becomes visible to readers whole, or not at all, whatever fails and wherever.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AtomicIngestionTests(AzuriteFixture azurite)
{
    private const string Synthese = "Synthèse";

    /// <summary>A plan d'action and its synthèse in one workbook; the version is in every fiche's title, the synthèse cells as given.</summary>
    private static byte[] Plan(string version, params (string Cell, object? Value)[] synthese) => XlsxWriter.Write(
    [
        SampleWorkbooks.PlanActionSheet(SeedData.PlanAction.Select(f => f with { Intitule = $"{version} {f.Intitule}" })),
        SampleWorkbooks.WithCells(SampleWorkbooks.SyntheseObjectifsSheet(SeedData.Synthese, Synthese), synthese),
    ]);

    [Fact]
    public async Task ACorrectedPlanWhoseSyntheseCannotBeStoredLeavesTheEarlierVersionWhole()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var v1 = await services.DropAndIngestAsync(dep.Code, "plan-v1.xlsx", Plan("v1"));

        // The reported case: the synthèse's first actions cell holds 40 000 characters (the service stores 32 768 at most).
        var v2 = await services.DropAndIngestAsync(dep.Code, "plan-v2.xlsx", Plan("v2", ("E5", new string('x', 40_000))));

        Assert.Equal(IngestionStatus.Accepted, v1.Status);
        Assert.Equal(IngestionStatus.Rejected, v2.Status);
        var error = Assert.Single(v2.Issues, i => i.Severity == Severity.Error);
        Assert.Equal(("texte-trop-long", Synthese, "E5"), (error.Code, error.Sheet, error.Cell));
        Assert.StartsWith("Le texte fait 40\u00A0000 caractères ; le stockage en accepte au plus 32\u00A0768", error.Message, StringComparison.Ordinal);
        await AssertOnlyAsync(services, dep, v1.IngestionId!, "v1 ");
        Assert.Equal(IngestionStatus.Rejected, (await services.Get<IngestionStore>().FindAsync(dep.Code, v2.IngestionId!))!.Status);
    }

    [Theory]
    [InlineData(TableNames.Ingestions)] // the commit itself: the last write
    [InlineData(TableNames.Objectives)] // the synthèse's rows, written after the fiches
    public async Task AWriteThatFailsLeavesNothingOfTheIngestionVisibleAndTheRetryConverges(string failingTable)
    {
        var real = await azurite.StorageAsync();
        var clean = new Services(real);
        var faulty = new Services(new CdppeStorage(real.Blobs, TablesFailingOn(failingTable)));
        var dep = TestDepartements.Next();
        var v1 = await clean.DropAndIngestAsync(dep.Code, "plan-v1.xlsx", Plan("v1"));
        var corrected = Plan("v2", ("E5", "v2 : actions corrigées"));

        var failure = await Record.ExceptionAsync(() => faulty.DropAndIngestAsync(dep.Code, "plan-v2.xlsx", corrected));

        Assert.Equal(500, Assert.IsAssignableFrom<RequestFailedException>(failure).Status);
        await AssertOnlyAsync(clean, dep, v1.IngestionId!, "v1 ");
        var v2Id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(corrected));
        Assert.Null(await clean.Get<IngestionStore>().FindAsync(dep.Code, v2Id));

        var retried = await clean.Ingestor.IngestAsync($"{dep.Code}/plan-v2.xlsx");

        Assert.Equal(IngestionStatus.Accepted, retried.Status);
        var head = await clean.HeadAsync(dep.Code);
        Assert.All((await clean.Reports.LoadInputsAsync(dep, 2022)).Fiches, f => Assert.StartsWith("v2 ", f.Intitule, StringComparison.Ordinal));
        Assert.Equal("v2 : actions corrigées", (await clean.Get<ObjectiveStore>().CurrentAsync(head, "synthese-objectifs", "2020-2022"))[0].Actions[2022]);
        Assert.Equal([$"plan-action:{v2Id}", $"synthese-objectifs:{v2Id}"], (await clean.Get<IngestionStore>().FindAsync(dep.Code, v1.IngestionId!))!.SupersededBy);
    }

    /// <summary>Readers see exactly the version <paramref name="id"/>: its fiches, its synthèse, its record accepted and not superseded.</summary>
    private static async Task AssertOnlyAsync(Services services, Pipeline.Model.Departement dep, string id, string titlePrefix)
    {
        var head = await services.HeadAsync(dep.Code);
        var inputs = await services.Reports.LoadInputsAsync(dep, 2022);
        Assert.Equal(SeedData.PlanAction.Count, inputs.Fiches.Count);
        Assert.All(inputs.Fiches, f => Assert.StartsWith(titlePrefix, f.Intitule, StringComparison.Ordinal));
        Assert.Equal((id, id), (head.Of(DatasetKeys.PlanAction), head.Of(DatasetKeys.Objectives("synthese-objectifs", "2020-2022"))));
        Assert.Equal(27, (await services.Get<ObjectiveStore>().CurrentAsync(head, "synthese-objectifs", "2020-2022")).Count);
        var record = await services.Get<IngestionStore>().FindAsync(dep.Code, id);
        Assert.Equal(IngestionStatus.Accepted, record!.Status);
        Assert.Empty(record.SupersededBy);
        Assert.Contains(id, await services.Get<IngestionStore>().AcceptedAsync(dep.Code));
    }

    /// <summary>The real tables, except that every transaction on <paramref name="table"/> fails with a 500.</summary>
    private TableServiceClient TablesFailingOn(string table)
    {
        var failing = new Mock<TableClient>(azurite.ConnectionString, table) { CallBase = true };
        failing.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(500, "Injected failure", "InternalError", null));
        var tables = new Mock<TableServiceClient>(azurite.ConnectionString) { CallBase = true };
        tables.Setup(t => t.GetTableClient(table)).Returns(failing.Object);
        return tables.Object;
    }
}
