using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Values the Table service cannot store are validation errors on their cell, in French, found before anything is
/// written: never an exception, never a retry loop ending in poison, never an English service message.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnstorableValuesTests(AzuriteFixture azurite)
{
    private const string Sheet = "Bilans des fiches";

    /// <summary>Where the test puts a value: the description of the first fiche (row 4, column G).</summary>
    private const string Cell = "G4";

    private const string Marker = "VALEUR-A-REMPLACER";

    /// <summary>Three fiches' bilans; the description of the first one is <paramref name="description"/>.</summary>
    private static byte[] Bilans(string description) =>
        XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(3)), (Cell, description))]);

    /// <summary>The same workbook whose cell holds a character XML can only carry as a character reference (U+FFFE, a lone surrogate).</summary>
    private static byte[] BilansWithCharacter(int codePoint) =>
        HostileWorkbooks.WithEntry(Bilans(Marker), "xl/sharedStrings.xml", HostileWorkbooks.EntryText(Bilans(Marker), "xl/sharedStrings.xml").Replace(Marker, $"Action &#x{codePoint:X4}; menée", StringComparison.Ordinal));

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xD800)]
    public async Task AnInvalidCodePointIsAnErrorOnItsCell(int codePoint)
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var result = await services.DropAndIngestAsync(dep.Code, "bilans.xlsx", BilansWithCharacter(codePoint));

        var error = AssertRejectedWithNothingStored(result);
        Assert.Equal(("caractere-invalide", Sheet, Cell), (error.Code, error.Sheet, error.Cell));
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Le texte contient un caractère invalide (U+{codePoint:X4}) que le stockage ne peut pas enregistrer : supprimez-le ou retapez le texte, puis déposez le fichier à nouveau."), error.Message);
        Assert.Equal("Action \uFFFD menée", error.Seen);
        await AssertRecordedRejectedAsync(services, dep, result);
    }

    [Fact]
    public async Task ATextOverTheServicesLimitIsAnErrorOnItsCell()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var result = await services.DropAndIngestAsync(dep.Code, "bilans.xlsx", Bilans(new string('x', 40_000)));

        var error = AssertRejectedWithNothingStored(result);
        Assert.Equal(("texte-trop-long", Sheet, Cell), (error.Code, error.Sheet, error.Cell));
        Assert.Equal("Le texte fait 40\u00A0000 caractères ; le stockage en accepte au plus 32\u00A0768 par valeur : raccourcissez-le.", error.Message);
        Assert.EndsWith("… (40\u00A0000 caractères)", error.Seen, StringComparison.Ordinal);
        await AssertRecordedRejectedAsync(services, dep, result);
    }

    [Fact]
    public async Task ATextOfExactlyTheLimitIsStored()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var result = await services.DropAndIngestAsync(dep.Code, "bilans.xlsx", Bilans(new string('x', 32_768)));

        Assert.Equal(IngestionStatus.Accepted, result.Status);
        var bilans = await services.Get<FicheStore>().BilansAsync(await services.HeadAsync(dep.Code), 2022);
        Assert.Equal(32_768, bilans.Single(b => b.Numero == SeedData.Fiches2022[0].Numero).Description!.Length);
    }

    [Fact]
    public void ARowOverOneMegabyteIsAnErrorOnItsRow()
    {
        // No workbook row reaches 1 MiB within the 32 768 characters allowed per value; the check still covers it.
        var content = new WorkbookContent();
        content.Sheets.Add(new SheetSummary(Sheet, BilansFichesParser.KindName, 1, [2022]));
        var bilan = new FicheBilan { Year = 2022, Numero = 7, SourceCell = "A7" };
        var row = new Azure.Data.Tables.TableEntity("77", "r");
        for (var i = 0; i < 20; i++)
        {
            row["P" + i] = new string('c', 30_000);
        }

        StorableValues.Check(new DatasetPlan([new StoredRow(TableNames.Fiches, row, BilansFichesParser.KindName, bilan)], []), content, []);

        var error = Assert.Single(content.Issues.All);
        Assert.Equal(("ligne-trop-grande", Sheet, "A7"), (error.Code, error.Sheet, error.Cell));
        Assert.Equal("Cette ligne occupe 1,1 Mo une fois enregistrée ; le stockage accepte au plus 1 Mo par ligne : raccourcissez ses textes.", error.Message);
    }

    [Fact]
    public async Task RowsOverFourMebibytesInAllAreWrittenInSeveralBatchesAndAccepted()
    {
        // 100 bilans with two texts of 30 000 characters each: about 6 MB of rows for one partition of one table.
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var fiches = Enumerable.Range(1, 100).Select(n => SeedData.Fiches2022[(n - 1) % SeedData.Fiches2022.Count] with { Numero = n, Constat = new string('c', 30_000), Description = new string('d', 30_000) });

        var result = await services.DropAndIngestAsync(dep.Code, "bilans.xlsx", XlsxWriter.Write([SampleWorkbooks.BilansFichesSheet(fiches)]));

        Assert.True(result.Status == IngestionStatus.Accepted, string.Join("\n", result.Issues.Where(i => i.Severity == Severity.Error)));
        var bilans = await services.Get<FicheStore>().BilansAsync(await services.HeadAsync(dep.Code), 2022);
        Assert.Equal(100, bilans.Count);
        Assert.All(bilans, b => Assert.Equal(30_000, b.Description!.Length));
    }

    private static ValidationIssue AssertRejectedWithNothingStored(IngestionResult result)
    {
        Assert.Equal(IngestionStatus.Rejected, result.Status);
        return Assert.Single(result.Issues, i => i.Severity == Severity.Error);
    }

    /// <summary>The refusal is recorded and reported in French, the bytes are archived, and no row of the workbook exists.</summary>
    private static async Task AssertRecordedRejectedAsync(Services services, Departement dep, IngestionResult result)
    {
        var record = await services.Get<IngestionStore>().FindAsync(dep.Code, result.IngestionId!);
        Assert.Equal(IngestionStatus.Rejected, record!.Status);
        Assert.StartsWith($"Feuille « {Sheet} », cellule {Cell} : Le texte", record.Summary, StringComparison.Ordinal);
        Assert.Equal(-1, UnicodeText.InvalidCodePointAt(record.Summary));
        Assert.True(await services.Storage.Archive.GetBlobClient($"{dep.Code}/{result.IngestionId}.xlsx").ExistsAsync());
        Assert.True(await services.Storage.Rejected.GetBlobClient($"{dep.Code}/{result.IngestionId}/{RejectedStore.AnnotatedPrefix}bilans.xlsx").ExistsAsync());
        Assert.DoesNotContain(await Ingestion.WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Fiches, dep.Code), f => f.GetString("IngestionId") == result.IngestionId);
        Assert.DoesNotContain(result.IngestionId, (await services.HeadAsync(dep.Code)).Current.Values);
    }
}
