using Azure.Data.Tables;
using System.Text;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Pipeline.Xml;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Support.HostileWorkbooks;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// XML nested, long or slow enough to take the host down (the Open XML SDK loads a part recursively: 200 000 nested
/// elements overflow the stack, which kills the process) is refused with a French message naming the part and the
/// limit, before any element tree is built. If a check went missing these tests would not fail: the test process would die.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class XmlLimitsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RefusedWorkbookEndingWith200000NestedElementsIsRefusedNamingTheLimitAndTheSheet()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var bytes = WithNestedExtension(Rf(RfLine(5.0, "-100 €")), 200_000);

        var result = await services.DropAndIngestAsync(dep, "negatif-imbrique.xlsx", bytes);

        Assert.Equal(IngestionStatus.Rejected, result.Status);
        var refusal = Assert.Single(result.Issues, i => i.Code == "classeur-illisible");
        Assert.Equal("Le fichier est refusé par sécurité : la partie « /xl/worksheets/sheet1.xml » (feuille « RF ») contient plus de 256 niveaux d'éléments imbriqués (limite de profondeur). Ouvrez-le dans Excel et enregistrez-le à nouveau, ou retirez le contenu en cause.", refusal.Message);
        var record = await services.Storage.Table(TableNames.Ingestions).GetEntityAsync<TableEntity>(dep, result.IngestionId);
        Assert.Equal("rejected", record.Value.GetString("Status"));
        Assert.Null(record.Value.GetString("AnnotatedPath")); // the annotated copy is built on the SDK's element tree: not for this file
        var archived = await services.Storage.Archive.GetBlobClient(record.Value.GetString("ArchivePath")[(ContainerNames.Archive.Length + 1)..]).DownloadContentAsync();
        Assert.Equal(bytes, archived.Value.Content.ToArray());
    }

    [Fact]
    public async Task NestingInsideACellIsReadAsTextAndTheRefusedFileGetsNoAnnotatedCopyInsteadOfACrash()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var workbook = Rf(RfLine(5.0, "-100 €"));
        var bytes = WithInserted(workbook, FirstSheetEntry(workbook), "</x:c>", Nested(200_000));

        var result = await services.DropAndIngestAsync(dep, "negatif-cellule.xlsx", bytes);

        Assert.Equal(IngestionStatus.Rejected, result.Status);
        Assert.Contains(result.Issues, i => i.Message.Contains("est négatif", StringComparison.Ordinal));
        var record = await services.Storage.Table(TableNames.Ingestions).GetEntityAsync<TableEntity>(dep, result.IngestionId);
        Assert.Null(record.Value.GetString("AnnotatedPath"));
    }

    [Theory]
    [InlineData("xl/workbook.xml", "</x:workbook>", "/xl/workbook.xml")]
    [InlineData("xl/styles.xml", "</x:styleSheet>", "/xl/styles.xml")]
    public void PartsReadAsElementTreesAreCheckedBeforeTheyAreLoaded(string entry, string end, string part)
    {
        var workbook = Rf(RfLine(1.0));
        var text = EntryText(workbook, entry);
        var bytes = WithInserted(workbook, entry, text.Contains(end, StringComparison.Ordinal) ? end : end.Replace("x:", string.Empty, StringComparison.Ordinal), Nested(100_000));

        var error = Assert.Throws<WorkbookFormatException>(() => XlsxWorkbook.Open(new MemoryStream(bytes)));

        Assert.Contains($"la partie « {part} » contient plus de 256 niveaux d'éléments imbriqués (limite de profondeur)", error.Message, StringComparison.Ordinal);
        Assert.Null(WorkbookAnnotator.Annotate(bytes, []));
    }

    [Fact]
    public void ADepthOf256IsReadAnd257IsRefused()
    {
        var limits = XmlPartLimits.Default;

        XmlPartScanner.Scan(Xml(HostileWorkbooks.Nested(256)), "/ok.xml", limits);
        var error = Assert.Throws<XmlLimitException>(() => XmlPartScanner.Scan(Xml(HostileWorkbooks.Nested(257)), "/profond.xml", limits));

        Assert.Equal(XmlLimit.Depth, error.Limit);
        Assert.Equal("/profond.xml", error.Part);
    }

    [Fact]
    public void EveryLimitIsNamedInFrench()
    {
        var wide = "<r>" + string.Concat(Enumerable.Repeat("<c/>", 10_000)) + "</r>";

        var elements = Assert.Throws<XmlLimitException>(() => XmlPartScanner.Scan(Xml(wide), "/xl/sharedStrings.xml", new XmlPartLimits { MaxElements = 5_000 }));
        var size = Assert.Throws<XmlLimitException>(() => XmlPartScanner.Scan(Xml(wide), "/xl/sharedStrings.xml", new XmlPartLimits { MaxPartBytes = 1_000 }));
        var time = Assert.Throws<XmlLimitException>(() => XmlPartScanner.Scan(Xml(wide), "/xl/sharedStrings.xml", new XmlPartLimits { TimeBudget = TimeSpan.Zero }));
        var dtd = Assert.Throws<XmlLimitException>(() => XmlPartScanner.Scan(Xml("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"), "/xl/sharedStrings.xml", XmlPartLimits.Default));

        Assert.Equal("la partie « /xl/sharedStrings.xml » contient plus de 5\u202F000 éléments (limite du nombre d'éléments)", elements.Message);
        Assert.Equal("la partie « /xl/sharedStrings.xml » contient plus de 1\u202F000 octets une fois décompressée (limite de taille d'une partie)", size.Message);
        Assert.Equal("la partie « /xl/sharedStrings.xml » contient trop d'éléments pour être contrôlé en 0 secondes (limite de temps)", time.Message);
        Assert.Equal("la partie « /xl/sharedStrings.xml » contient un contenu XML invalide ou interdit (DTD, entités)", dtd.Message);
        Assert.Equal([XmlLimit.Elements, XmlLimit.Size, XmlLimit.Time, XmlLimit.Malformed], new[] { elements.Limit, size.Limit, time.Limit, dtd.Limit });
    }

    private static MemoryStream Xml(string text) => new(Encoding.UTF8.GetBytes(text));
}
