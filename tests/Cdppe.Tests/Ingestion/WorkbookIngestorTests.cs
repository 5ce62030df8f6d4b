using System.Security.Cryptography;
using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Ingestion;

[Collection(AzuriteCollection.Name)]
public sealed class WorkbookIngestorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AcceptedWorkbookIsArchivedStoredAndRecorded()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var bytes = SampleWorkbooks.RapportFinancier2022();

        var result = await services.DropAndIngestAsync(dep.Code, "rf-2022.xlsx", bytes);

        Assert.Equal(IngestionStatus.Accepted, result.Status);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, result.IngestionId);
        var archived = await services.Storage.Archive.GetBlobClient($"{dep.Code}/{sha}.xlsx").DownloadContentAsync();
        Assert.Equal(bytes, archived.Value.Content.ToArray());
        Assert.Equal("rf-2022.xlsx", Uri.UnescapeDataString(archived.Value.Details.Metadata["originalname"]));
        var lines = await Rows<TableEntity>(services, TableNames.BudgetLines, dep.Code);
        Assert.Equal(SeedData.RapportFinancier2022.Count(r => r.Ligne is "fiche" or "objectif-sans-fiche"), lines.Count);
        var record = (await services.Storage.Table(TableNames.Ingestions).GetEntityAsync<TableEntity>(dep.Code, sha)).Value;
        Assert.Equal(("accepted", "rapport-financier", "2022"), (record.GetString("Status"), record.GetString("Kinds"), record.GetString("Years")));
        Assert.True(record.GetInt32("WarningCount") >= 5);
        var report = await services.Storage.IngestionReports.GetBlobClient($"{dep.Code}/{sha}.json").DownloadContentAsync();
        Assert.Contains("consomme-superieur-prevu", report.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameBytesTwiceIsANoOp()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var bytes = SampleWorkbooks.RapportFinancier2022();
        await services.DropAndIngestAsync(dep.Code, "a.xlsx", bytes);
        var before = await Rows<TableEntity>(services, TableNames.BudgetLines, dep.Code);

        var second = await services.DropAndIngestAsync(dep.Code, "copie.xlsx", bytes);

        Assert.Equal(IngestionStatus.Duplicate, second.Status);
        var after = await Rows<TableEntity>(services, TableNames.BudgetLines, dep.Code);
        Assert.Equal(before.Select(e => (e.RowKey, e.ETag)), after.Select(e => (e.RowKey, e.ETag)));
        Assert.Single(await Records(services, dep.Code));
    }

    [Fact]
    public async Task CorrectedRedropSupersedesTheYearAndKeepsTheEarlierVersionReadable()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var first = await services.DropAndIngestAsync(dep.Code, "v1.xlsx", SampleWorkbooks.RapportFinancier2022());
        var corrected = SeedData.RapportFinancier2022.Where(r => r.Fiche != 41).Select(r => r.Fiche == 9 ? r with { ConsommeEn2022 = 120_000, Consomme20202022 = 772_654 } : r).ToList();

        var result = await services.DropAndIngestAsync(dep.Code, "v2.xlsx", SampleWorkbooks.RapportFinancier2022(corrected));

        Assert.Equal(IngestionStatus.Accepted, result.Status);
        var budget = services.Get<BudgetLineStore>();
        var head = await services.HeadAsync(dep.Code);
        var current = await budget.CurrentAsync(head, 2022);
        Assert.DoesNotContain(current, l => l.Fiche == 41);
        Assert.Equal(120_000m, current.Single(l => l.Fiche == 9).ConsumedInYear);
        Assert.Equal(result.IngestionId, head.Of(DatasetKeys.Budget(2022)));
        var earlier = await budget.OfAsync(dep.Code, 2022, first.IngestionId!);
        Assert.Equal(113_885m, earlier.Single(l => l.Fiche == 9).ConsumedInYear);
        Assert.Contains(earlier, l => l.Fiche == 41);
        var records = (await Records(services, dep.Code)).ToDictionary(r => r.Id);
        Assert.Equal(2, records.Count);
        Assert.Equal([$"rapport-financier:{result.IngestionId}"], records[first.IngestionId!].SupersededBy);
    }

    [Fact]
    public async Task RejectedWorkbookGoesToRejectedWithItsReportAndStoresNothing()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var bytes = "not a workbook at all"u8.ToArray();

        var result = await services.DropAndIngestAsync(dep.Code, "faux.xlsx", bytes);

        Assert.Equal(IngestionStatus.Rejected, result.Status);
        var issue = Assert.Single(result.Issues);
        Assert.Contains("n'est pas un classeur Excel", issue.Message, StringComparison.Ordinal);
        var rejected = await services.Storage.Rejected.GetBlobClient($"{dep.Code}/{result.IngestionId}/faux.xlsx").DownloadContentAsync();
        Assert.Equal(bytes, rejected.Value.Content.ToArray());
        Assert.True(await services.Storage.Rejected.GetBlobClient($"{dep.Code}/{result.IngestionId}/rapport.json").ExistsAsync());
        Assert.True(await services.Storage.Archive.GetBlobClient($"{dep.Code}/{result.IngestionId}.xlsx").ExistsAsync());
        Assert.Empty(await Rows<TableEntity>(services, TableNames.BudgetLines, dep.Code));
    }

    [Theory]
    [InlineData("20/fichier.xlsx", "« 20 » n'est pas un code de département INSEE valide")]
    [InlineData("fichier.xlsx", "dans le dossier de son département")]
    [InlineData("77/../78/fichier.xlsx", "« . » ou « .. »")]
    [InlineData("77/notes.txt", "Seuls les classeurs Excel")]
    public async Task BadPathIsRejectedInFrenchAndStillArchived(string blobName, string expected)
    {
        var services = new Services(await azurite.StorageAsync());
        await services.Storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()), overwrite: true);

        var result = await services.Ingestor.IngestAsync(blobName);

        Assert.Equal(IngestionStatus.Rejected, result.Status);
        Assert.Contains(expected, Assert.Single(result.Issues).Message, StringComparison.Ordinal);
        Assert.True(await services.Storage.Archive.GetBlobClient($"{WorkbookIngestor.UnknownPartition}/{result.IngestionId}.xlsx").ExistsAsync());
    }

    [Fact]
    public async Task ZeroByteBlobIsSkippedUntilItsContentLands()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var result = await services.DropAndIngestAsync(dep.Code, "vide.xlsx", []);

        Assert.Equal(IngestionStatus.Skipped, result.Status);
        Assert.Empty(await Records(services, dep.Code));
    }

    /// <summary>The ingestion records of a département, as the API lists them.</summary>
    internal static Task<IReadOnlyList<IngestionRecord>> Records(Services services, string partition) => services.Get<IngestionStore>().ListAsync(partition);

    internal static async Task<List<T>> Rows<T>(Services services, string table, string partition)
        where T : class, ITableEntity
    {
        var rows = new List<T>();
        await foreach (var e in services.Storage.Table(table).QueryAsync<T>(e => e.PartitionKey == partition))
        {
            rows.Add(e);
        }

        return rows;
    }
}
