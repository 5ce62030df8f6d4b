using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Ods;
using Cdppe.Pipeline.Ingestion.Xls;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Ingestion.Ods.OdsWorkbookTests;
using static Cdppe.Tests.Support.HostileWorkbooks;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Spreadsheets of a few kilobytes that announce billions of cells or loop in their container: each is refused at
/// once with a French message naming the limit, and what the reader allocates stays within a small bound
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, deterministic, not a timing).
/// </summary>
public sealed class HostileSpreadsheetTests
{
    private const string Unreadable = "Le fichier n'est pas un classeur Excel 97-2003 (.xls) lisible : ";
    private const string LoopMessage = Unreadable + "son conteneur OLE2 est endommagé (une chaîne de secteurs revient sur un secteur déjà lu) ; il est refusé par sécurité.";
    private const string CellsMessage = "Le classeur contient plus de 5\u202F000\u202F000 cellules (limite de lecture par fichier, atteinte sur la feuille « S », chaque copie d'une ligne ou cellule répétée ou fusionnée comptée) : il est refusé par sécurité ; découpez le fichier.";
    private const string ColumnsMessage = "La feuille « S » contient des valeurs au-delà de la colonne SR (limite 512 colonnes).";
    private const string RowsMessage = "La feuille « S » dépasse la limite de 500\u202F000 lignes ; découpez le fichier.";
    private const string MergeMessage = "Les cellules fusionnées de la feuille « S » (jusqu'à A1:SR500000) couvrent plus de 5\u202F000\u202F000 cellules (limite de lecture par fichier) : le classeur est refusé par sécurité.";

    /// <summary>The .ods of the issue: one row of 512 cells with a value, repeated 499 989 times (under 1 KB).</summary>
    public static byte[] RepeatedWideRow(int rows = 499_989) =>
        Ods($"""<table:table table:name="S"><table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="512"/></table:table-row></table:table>""");

    /// <summary>A 2 MB compound file (4 096-byte sectors, 109 FAT sectors) whose directory chain points back at itself.</summary>
    public static byte[] LoopingDirectory()
    {
        var file = new CompoundFileBuilder(12, 511, 109, 1);
        return file.Next(file.Directory, file.Directory).Bytes;
    }

    public static TheoryData<string, string, string> OdsCases() => new()
    {
        { "cellule-repetee-long-max", """<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="9223372036854775807"/></table:table-row>""", ColumnsMessage },
        { "cellules-vides-long-max-puis-valeur", """<table:table-row><table:table-cell table:number-columns-repeated="9223372036854775807"/><table:table-cell table:number-columns-repeated="9223372036854775807"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>""", ColumnsMessage },
        { "ligne-repetee-long-max", """<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell office:value-type="float" office:value="1"/></table:table-row>""", RowsMessage },
        { "lignes-vides-au-dela-de-long-puis-valeur", """<table:table-row table:number-rows-repeated="99999999999999999999999"><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="9223372036854775807"/><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>""", RowsMessage },
        { "ligne-de-512-cellules-repetee", """<table:table-row table:number-rows-repeated="499989"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="512"/></table:table-row>""", CellsMessage },
        { "espaces-repetes-sur-un-million-de-lignes", """<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="512"><text:p> </text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>""", RowsMessage },
        { "fusion-512-colonnes-2-puissance-31-lignes", """<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="512" table:number-rows-spanned="2147483648"><text:p>x</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="511"/></table:table-row><table:table-row table:number-rows-repeated="2147483647"><table:covered-table-cell table:number-columns-repeated="512"/></table:table-row>""", MergeMessage },
        { "fusion-long-max", """<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="9223372036854775807" table:number-rows-spanned="9223372036854775807"><text:p>x</text:p></table:table-cell></table:table-row>""", MergeMessage },
    };

    [Theory]
    [MemberData(nameof(OdsCases))]
    public void OdsRepeatsMergesAndOverflowsAreRefusedBeforeAnythingIsBuilt(string name, string rows, string expected)
    {
        using var workbook = OdsWorkbook.Open(new MemoryStream(Ods($"""<table:table table:name="S">{rows}</table:table>""")));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, error.Message);
        Assert.True(allocated < 2_000_000, $"{name}: {allocated} bytes allocated");
    }

    [Fact]
    public void TheRepeatedWideRowOfTheIssueIsRefusedBeforeItsFirstRow()
    {
        var ods = RepeatedWideRow();
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods));

        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).First());

        Assert.True(ods.Length < 1_500, $"{ods.Length} bytes");
        Assert.Equal(CellsMessage, error.Message);
    }

    [Fact]
    public void TheParserRefusesARepeatedWideRowAsAnUnreadableWorkbook()
    {
        var parser = new WorkbookParser(new SpreadsheetLimits { MaxRowsPerSheet = 2_000, MaxCells = 100_000 });

        var content = parser.Parse(new MemoryStream(RepeatedWideRow(1_999)));

        var issue = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("classeur-illisible", "S"), (issue.Code, issue.Sheet));
        Assert.StartsWith("Le classeur contient plus de 100\u202F000 cellules (limite de lecture par fichier", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrailingEmptyRowsLibreOfficeWritesAreStillReadForNothing()
    {
        var ods = Ods("""
            <table:table table:name="S">
              <table:table-column table:number-columns-repeated="1024"/>
              <table:table-row><table:table-cell office:value-type="string"><text:p>Code</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row>
              <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7"/><table:table-cell table:number-columns-repeated="1023"/></table:table-row>
              <table:table-row table:number-rows-repeated="1048553"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
              <table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell table:number-columns-repeated="9223372036854775807"/></table:table-row>
            </table:table>
            """);
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([(1, "Code"), (2, "7"), (3, "7")], rows.Select(r => (r.Index, r.Get(1).Display)));
        Assert.True(allocated < 2_000_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void TheCellBudgetIsOneForTheWholeWorkbook()
    {
        var row = """<table:table-row><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="300"/></table:table-row>""";
        var ods = Ods($"""<table:table table:name="Un">{row}</table:table><table:table table:name="Deux">{row}</table:table>""");
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods), new SpreadsheetLimits { MaxCells = 500 });

        Assert.Equal(300, workbook.ReadRows(workbook.Sheets[0]).Single().Cells.Count);
        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[1]).ToList());

        Assert.Equal("Le classeur contient plus de 500 cellules (limite de lecture par fichier, atteinte sur la feuille « Deux », chaque copie d'une ligne ou cellule répétée ou fusionnée comptée) : il est refusé par sécurité ; découpez le fichier.", error.Message);
    }

    [Fact]
    public void TheCharactersOfRepeatedTextCountAgainstTheBudget()
    {
        var text = new string('x', 100);
        var ods = Ods($"""<table:table table:name="S"><table:table-row table:number-rows-repeated="10"><table:table-cell office:value-type="string" table:number-columns-repeated="512"><text:p>{text}</text:p></table:table-cell></table:table-row></table:table>""");
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods), new SpreadsheetLimits { MaxCellCharacters = 100_000 });

        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal("Le texte des cellules du classeur dépasse 100\u202F000 caractères (limite de lecture par fichier, atteinte sur la feuille « S ») : il est refusé par sécurité ; découpez le fichier.", error.Message);
    }

    [Fact]
    public void AnXlsxMergedRangeOf512ColumnsBy2To31RowsIsRefusedAtOnce()
    {
        var bytes = XlsxWriter.Write([new XlsxSheetSpec("S", [["x"]], ["A1:SR2147483647"])]);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).First());

        Assert.Equal((MergeMessage, "A1"), (error.Message, error.Cell));
    }

    [Fact]
    public void AnXlsxMergedRangeBeyondTheColumnLimitIsClipped()
    {
        var bytes = XlsxWriter.Write([new XlsxSheetSpec("S", [["x"], ["y"]], ["A1:XFD2"])]);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();

        Assert.Equal(["A1:SR2"], workbook.MergedRanges(workbook.Sheets[0]));
        Assert.Equal((512, "x", "SR2"), (rows[1].Cells.Count, rows[1].Cells[^1].Text, rows[1].Cells[^1].Reference));
    }

    [Fact]
    public void AnXlsxRowOfMoreCellsThanExcelHasColumnsIsRefused()
    {
        var package = Rf();
        var cells = string.Concat(Enumerable.Repeat("<x:c r=\"A1\"/>", 16_385));
        var bytes = WithEntry(package, FirstSheetEntry(package), $"""<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">{cells}</x:row></x:sheetData></x:worksheet>""");
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal("Une ligne de la feuille « RF » contient plus de 16\u202F384 cellules, le nombre de colonnes d'une feuille Excel : le classeur est refusé par sécurité.", error.Message);
    }

    public static TheoryData<string, string> XlsCases() => new()
    {
        { "repertoire-en-boucle", LoopMessage },
        { "flux-en-boucle", LoopMessage },
        { "mini-fat-en-boucle", LoopMessage },
        { "difat-en-boucle", LoopMessage },
        { "fat-plus-grande-que-le-fichier", Unreadable + "son conteneur OLE2 annonce 4\u202F294\u202F967\u202F295 secteurs de table d'allocation, plus que les 511 secteurs du fichier ; il est refusé par sécurité." },
        { "flux-plus-grand-que-le-fichier", Unreadable + "un flux de son conteneur OLE2 annonce 100\u202F000\u202F000 octets, plus que les 2\u202F097\u202F152 octets où il est rangé ; il est refusé par sécurité." },
    };

    [Theory]
    [MemberData(nameof(XlsCases))]
    public void XlsContainersThatLoopOrOverstateTheirSizeAreRefusedAtOnce(string name, string expected)
    {
        var bytes = XlsCase(name);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WorkbookFormatException>(() => XlsWorkbook.Open(new MemoryStream(bytes)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, error.Message);
        Assert.True(allocated < 16_000_000, $"{name}: {allocated} bytes allocated");
    }

    [Fact]
    public void TheSoundContainerOfTheseCasesReachesTheWorkbookReader()
    {
        var error = Assert.Throws<WorkbookFormatException>(() => XlsWorkbook.Open(new MemoryStream(new CompoundFileBuilder(12, 511, 109, 1).Bytes)));

        Assert.Equal(Unreadable + "son contenu est endommagé ou d'une version non prise en charge.", error.Message);
    }

    [Fact]
    public void TheParserRefusesALoopingXlsAsAnUnreadableWorkbook()
    {
        var content = new WorkbookParser().Parse(new MemoryStream(LoopingDirectory()));

        var issue = Assert.Single(content.Issues.All);
        Assert.Equal((Severity.Error, "classeur-illisible", LoopMessage), (issue.Severity, issue.Code, issue.Message));
    }

    private static byte[] XlsCase(string name)
    {
        var file = new CompoundFileBuilder(12, 511, 109, 1);
        switch (name)
        {
            case "repertoire-en-boucle":
                return LoopingDirectory();
            case "flux-en-boucle":
                return file.Entry(1, "Workbook", 2, file.Directory + 1, 1_000_000).Next(file.Directory + 1, file.Directory + 1).Bytes;
            case "mini-fat-en-boucle":
                return file.U32(0x3C, file.Directory + 2).Next(file.Directory + 2, file.Directory + 2).Bytes;
            case "difat-en-boucle":
                // 512-byte sectors: 109 FAT sectors in the header, 237 announced, the rest in a DIFAT sector that names itself as the next one.
                var small = new CompoundFileBuilder(9, 300, 109, 1);
                return small.U32(0x2C, 237).U32(0x44, 250).U32(small.Offset(250) + 508, 250).Bytes;
            case "fat-plus-grande-que-le-fichier":
                return file.U32(0x2C, uint.MaxValue).Bytes;
            case "flux-plus-grand-que-le-fichier":
                return file.Entry(1, "Workbook", 2, file.Directory + 1, 100_000_000).Bytes;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }
}
