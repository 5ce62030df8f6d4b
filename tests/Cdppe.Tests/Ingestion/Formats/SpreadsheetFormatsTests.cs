using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion.Ods;

namespace Cdppe.Tests.Ingestion.Formats;

public sealed class SpreadsheetFormatsTests
{
    private static readonly string OtherPrograms = Path.Combine(AppContext.BaseDirectory, "Ingestion", "Corpus", "other-programs");

    [Theory]
    [InlineData("libreoffice/suivi-mensuel-2022.ods", SpreadsheetFormat.Ods)]
    [InlineData("libreoffice/suivi-mensuel-2022.xls", SpreadsheetFormat.Xls)]
    [InlineData("libreoffice/suivi-mensuel-2022.xlsx", SpreadsheetFormat.Xlsx)]
    [InlineData("closedxml/suivi-mensuel-2022.xlsx", SpreadsheetFormat.Xlsx)]
    public void FormatComesFromTheContent(string file, SpreadsheetFormat expected) =>
        Assert.Equal(expected, SpreadsheetFormats.Detect(new MemoryStream(File.ReadAllBytes(Path.Combine(OtherPrograms, file)))));

    [Fact]
    public void AnOdsWhoseMimeTypeIsNotTheFirstEntryIsAnOds() =>
        Assert.Equal(SpreadsheetFormat.Ods, SpreadsheetFormats.Detect(new MemoryStream(OdsWorkbookTests.Ods("<table:table table:name=\"S\"/>", mimeTypeFirst: false))));

    [Fact]
    public void TheExtensionDoesNotDecide()
    {
        // An .xls renamed .xlsx, and an .ods renamed .xlsx, are read as what they are.
        var xls = File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/suivi-mensuel-2022.xls"));
        var ods = File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/suivi-mensuel-2022.ods"));

        Assert.Equal(88, new WorkbookParser().Parse(new MemoryStream(xls)).ItemCount);
        Assert.Equal(88, new WorkbookParser().Parse(new MemoryStream(ods)).ItemCount);
        Assert.NotNull(UploadPath.TryParse("77/suivi.xls", out _));
        Assert.NotNull(UploadPath.TryParse("77/suivi.ODS", out _));
    }

    [Theory]
    [InlineData("77/notes.txt")]
    [InlineData("77/export.csv")]
    [InlineData("77/rapport.pdf")]
    public void AnythingElseIsRefusedNamingTheThreeFormats(string blob)
    {
        Assert.Null(UploadPath.TryParse(blob, out var error));
        Assert.Equal("Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés.", error);

        var content = new WorkbookParser().Parse(new MemoryStream("%PDF-1.7"u8.ToArray()));
        Assert.Contains("Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés.", Assert.Single(content.Issues.All).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAnnotatedCopyOfAnOdsIsAnXlsxReadLikeTheOds()
    {
        var ods = File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/bad/plan-action-ref.ods"));
        var content = new WorkbookParser().Parse(new MemoryStream(ods));

        var copy = AnnotatedCopy.ToXlsx(ods);

        Assert.Equal("annote.xlsx", AnnotatedCopy.FileName("annote.ods", ods));
        Assert.Equal(SpreadsheetFormat.Xlsx, SpreadsheetFormats.Detect(new MemoryStream(copy)));
        var again = new WorkbookParser().Parse(new MemoryStream(copy));
        Assert.Equal(content.Issues.All.Select(i => (i.Code, i.Sheet, i.Cell, i.Message)), again.Issues.All.Select(i => (i.Code, i.Sheet, i.Cell, i.Message)));
        Assert.Equal("annote.xlsx", AnnotatedCopy.FileName("annote.xlsx", SampleWorkbooks.PlanAction()));
    }

    [Fact]
    public void XlsFormulaErrorsMergesAndDatesAreReadLikeAnXlsx()
    {
        using var workbook = SpreadsheetFormats.Open(new MemoryStream(File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/bad/rapport-financier-div0.xls"))));
        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();
        using var dates = SpreadsheetFormats.Open(new MemoryStream(File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/suivi-mensuel-dates-1904.xls"))));
        var firstPeriod = dates.ReadRows(dates.Sheets[0]).ToList()[1].Get(3);

        var k6 = rows.Single(r => r.Index == 6).Get(11);
        Assert.Equal((SheetCellKind.Error, "#DIV/0!"), (k6.Kind, k6.Text));
        Assert.True(rows[0].Get(2).FromMerge);
        Assert.Equal(rows[0].Get(1).Text, rows[0].Get(2).Text);
        Assert.True(firstPeriod.IsDate);
        Assert.Equal(new DateTime(2022, 1, 1), dates.ToDate(firstPeriod.Number!.Value));
    }

    [Fact]
    public void XlsLimitsGiveTheSameFrenchErrors()
    {
        var bytes = File.ReadAllBytes(Path.Combine(OtherPrograms, "libreoffice/suivi-mensuel-2022.xls"));

        using var workbook = SpreadsheetFormats.Open(new MemoryStream(bytes), new SpreadsheetLimits { MaxRowsPerSheet = 10 });
        var rows = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());
        var size = Assert.Throws<WorkbookFormatException>(() => SpreadsheetFormats.Open(new MemoryStream(bytes), new SpreadsheetLimits { MaxUncompressedBytes = 1_000 }));

        Assert.Equal("La feuille « Suivi mensuel » dépasse la limite de 10 lignes ; découpez le fichier.", rows.Message);
        Assert.Contains("refusé par sécurité", size.Message, StringComparison.Ordinal);
    }
}
