using Azure.Data.Tables;
using Cdppe.Pipeline.Recovery;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Tests.Reliability;

/// <summary>The tables are derived data: rebuilt from <c>archive/</c> alone into empty storage, they are the same, entity for entity.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DisasterRecoveryTests(AzuriteFixture azurite)
{
    private static readonly string[] DataTables = [TableNames.Ingestions, TableNames.BudgetLines, TableNames.IndicatorValues, TableNames.Snapshots, TableNames.IndicatorSources, TableNames.Fiches];

    [Fact]
    public async Task TablesRebuiltFromTheArchiveEqualTheOriginalAndTheReportIsTheSame()
    {
        var clock = new ManualClock(new DateTimeOffset(2023, 1, 15, 8, 0, 0, TimeSpan.Zero));
        var original = new Services(await azurite.StorageAsync(), clock);
        var dep = TestDepartements.Next();
        await original.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        clock.Advance(TimeSpan.FromMinutes(5));
        await original.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 4));
        clock.Advance(TimeSpan.FromMinutes(5));
        await original.DropAndIngestAsync(dep.Code, "faux.xlsx", "pas un classeur"u8.ToArray());
        clock.Advance(TimeSpan.FromMinutes(5));
        await original.DropAndIngestAsync(dep.Code, "rapport-financier-2022-corrige.xlsx", SampleWorkbooks.RapportFinancier2022(SeedData.RapportFinancier2022.Select(r => r.Fiche == 2 ? r with { ConsommeEn2022 = 11_268 } : r)));
        await original.Runner.RunDueAsync("timer", dep);
        var originalReport = await original.Reports.GenerateAsync(dep, 2022);

        // Disaster: only the archive survives. Restore it into a brand-new, empty storage account and rebuild.
        var empty = new AzuriteFixture();
        await empty.InitializeAsync();
        try
        {
            var rebuilt = new Services(await empty.StorageAsync(), clock);
            await foreach (var blob in original.Storage.Archive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, dep.Code + "/", default))
            {
                var bytes = await original.Storage.Archive.GetBlobClient(blob.Name).DownloadContentAsync();
                await rebuilt.Storage.Archive.GetBlobClient(blob.Name).UploadAsync(bytes.Value.Content, new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = blob.Metadata });
            }

            var summary = await rebuilt.Get<ArchiveRebuilder>().RebuildAsync();

            Assert.Equal((4, 3, 1), (summary.Files, summary.Accepted, summary.Rejected));
            foreach (var table in DataTables)
            {
                var before = await Entities(original.Storage, table, dep.Code);
                var after = await Entities(rebuilt.Storage, table, dep.Code);
                Assert.True(before.Count > 0 || table is TableNames.IndicatorSources or TableNames.Fiches, $"{table} is empty in the original");
                Assert.Equal(before.Keys, after.Keys);
                foreach (var (key, entity) in before)
                {
                    Assert.True(entity == after[key], $"{table} {key} differs:\n{entity}\n{after[key]}");
                }
            }

            var rebuiltReport = await rebuilt.Reports.GenerateAsync(dep, 2022);
            Assert.Equal(DocumentText(originalReport!.Content), DocumentText(rebuiltReport!.Content));
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    /// <summary>Every entity of a partition, as "name=value" lines without the service's own Timestamp and ETag.</summary>
    private static async Task<SortedDictionary<string, string>> Entities(CdppeStorage storage, string table, string partition)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in storage.Table(table).QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            result[e.RowKey] = string.Join('\n', e.Keys.Where(k => k is not "Timestamp" and not "odata.etag").Order(StringComparer.Ordinal).Select(k => $"{k}={Convert.ToString(e[k], System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return result;
    }

    private static string DocumentText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.OuterXml;
    }
}
