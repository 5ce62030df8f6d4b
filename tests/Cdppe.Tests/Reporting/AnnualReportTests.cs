using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Tests.Reporting;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReportShowsEveryFicheWithRecomputedTotalsAndIsValidOpenXml()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());

        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.NotNull(report);
        Assert.Equal($"rapport-execution-{dep.Code}-2022.docx", report.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(report.Content), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var fiche1 = rows.Single(r => r.Count > 2 && r[2] == "1");
        Assert.Equal("839\u00A0727\u00A0€", fiche1[3]);
        Assert.Equal("437\u00A0757\u00A0€", fiche1[11]);
        var total = rows.Single(r => r.Count > 2 && r[2] == "Total");
        Assert.Equal("31\u00A0117\u00A0173\u00A0€", total[3]);
        Assert.Equal("21\u00A0252\u00A0748\u00A0€", total[11]);
        Assert.Equal(5, rows.Count(r => r.Count > 2 && r[2] == "Sous-total"));
        Assert.True(await services.Storage.Reports.GetBlobClient($"{dep.Code}/{report.FileName}").ExistsAsync());
    }

    [Fact]
    public async Task NoDataForTheYearGivesNoReport()
    {
        var services = new Services(await azurite.StorageAsync());

        Assert.Null(await services.Reports.GenerateAsync(TestDepartements.Next(), 2022));
    }

    [Fact]
    public void FrenchFormatsUseNoBreakSpaces()
    {
        Assert.Equal("1\u00A0027\u00A0000\u00A0€", FrenchFormat.Euros(1_027_000m));
        Assert.Equal("52,1\u00A0%", FrenchFormat.Percent(437_757m / 839_727m));
    }
}
