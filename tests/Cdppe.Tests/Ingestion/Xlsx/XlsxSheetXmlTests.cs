using System.Text;
using System.Xml;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Ingestion.Xlsx;

/// <summary>
/// Sheet XML as other programs may write it, read by the byte scanner of <see cref="XlsxWorkbook"/>: each part below is
/// put in place of the sheet of a workbook whose shared strings are "zéro", "un" (indexes 0 and 1).
/// </summary>
public sealed class XlsxSheetXmlTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly byte[] Base = XlsxWriter.Write([new XlsxSheetSpec("S", [["zéro", "un"]])]);

    [Fact]
    public void EntitiesAndCharacterReferencesAreReplacedInValuesAndTexts()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="str"><v>R&amp;D &lt;50&gt; &quot;q&quot; &apos;a&apos;</v></c><c r="B1" t="inlineStr"><is><t>&#233;t&#xE9; &#x20AC;&#128512;</t></is></c><c r="C1"><v>&#49;2.5</v></c></row></sheetData></worksheet>""");

        Assert.Equal("R&D <50> \"q\" 'a'", rows[0].Get(1).Text);
        Assert.Equal("été €😀", rows[0].Get(2).Text);
        Assert.Equal(12.5, rows[0].Get(3).Number);
    }

    [Fact]
    public void CDataSectionsAreTakenAsTheyAre()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c><c r="B1" t="str"><v>x<![CDATA[&amp;]]>y</v></c><c r="C1"><v><![CDATA[42]]></v></c></row></sheetData></worksheet>""");

        Assert.Equal("a < b & c", rows[0].Get(1).Text);
        Assert.Equal("x&amp;y", rows[0].Get(2).Text);
        Assert.Equal(42.0, rows[0].Get(3).Number);
    }

    [Fact]
    public void AttributesInAnyOrderWithEitherQuoteAndSpacesAroundTheEqualSign()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r='3' spans="1:3"><c t="s" s='0' r = "C3"><v>1</v></c><c t='s' r='A3'><v>0</v></c></row></sheetData></worksheet>""");

        var row = Assert.Single(rows);
        Assert.Equal(3, row.Index);
        Assert.Equal(("un", "zéro"), (row.Get(3).Text, row.Get(1).Text));
    }

    [Fact]
    public void SelfClosingCellsRowsAndValuesAreEmptyAndTheCellsAfterThemAreRead()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1"/><c r="B1" s="0"><v/></c><c r="C1"><v>7</v></c></row><row r="2"/><row r="4"><c r="B4" t="s"><v>1</v></c></row></sheetData></worksheet>""");

        Assert.Equal([1, 2, 4], rows.Select(r => r.Index));
        Assert.True(rows[0].Get(1).IsEmpty);
        Assert.True(rows[0].Get(2).IsEmpty);
        Assert.Equal(7.0, rows[0].Get(3).Number);
        Assert.True(rows[1].IsBlank);
        Assert.Equal("un", rows[2].Get(2).Text);
    }

    [Fact]
    public void PrefixedElementsAsOtherProgramsWriteThemAreRead()
    {
        var rows = Rows($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><x:worksheet xmlns:x="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">a </x:t></x:r><x:r><x:t>b</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignoré</x:t></x:rPh></x:is></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>""");

        Assert.Equal("zéro", rows[0].Get(1).Text);
        Assert.Equal((2.0, true), (rows[0].Get(2).Number, rows[0].Get(2).HasFormula));
        Assert.Equal("a b", rows[0].Get(3).Text);
    }

    [Fact]
    public void MergedRangesWrittenWithAPrefixAreFilled()
    {
        var bytes = Sheet($"""<x:worksheet xmlns:x="{Main}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row></x:sheetData ><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>""");
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();

        Assert.Equal(["A1:A2"], workbook.MergedRanges(workbook.Sheets[0]));
        Assert.Equal(("un", true), (rows[1].Get(1).Text, rows[1].Get(1).FromMerge));
    }

    [Fact]
    public void CommentsProcessingInstructionsAndLineBreaksBetweenTagsAreSkipped()
    {
        var rows = Rows($"<?xml version=\"1.0\"?>\r\n<worksheet xmlns=\"{Main}\">\r\n  <!-- <row r=\"9\"><c><v>9</v></c></row> -->\r\n  <sheetData>\r\n    <row r=\"1\">\r\n      <?app hint?><c r=\"A1\" t=\"str\"><v>ligne 1\r\nligne 2</v></c>\r\n      <c r=\"B1\"><v> 12 </v></c>\r\n    </row>\r\n  </sheetData>\r\n</worksheet>");

        var row = Assert.Single(rows);
        Assert.Equal("ligne 1\nligne 2", row.Get(1).Text);
        Assert.Equal(12.0, row.Get(2).Number);
    }

    [Fact]
    public void AttributeValuesMayHoldAGreaterThanSign()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1" x14ac:dyDescent="a>b" xmlns:x14ac="urn:x"><c r="A1" t="str"><v>ok</v></c></row></sheetData></worksheet>""");

        Assert.Equal("ok", Assert.Single(rows).Get(1).Text);
    }

    [Fact]
    public void AGreaterThanSignInASingleQuotedValueOrAfterAnOddQuoteDoesNotEndTheTag()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1" x='a>b'><c r="A1" t="str" y="1>0"><v>un</v></c><c r="B1" t='str' z='"' w="c>d"><v>deux</v></c></row></sheetData></worksheet>""");

        var row = Assert.Single(rows);
        Assert.Equal(("un", "deux"), (row.Get(1).Text, row.Get(2).Text));
    }

    [Fact]
    public void NumbersAreReadAsExcelWroteThem()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1"><v>839727</v></c><c r="B1"><v>007</v></c><c r="C1"><v>-12</v></c><c r="D1"><v>2.9000000000000001E-2</v></c><c r="E1"><v>123456789012345</v></c><c r="F1"><v>12345678901234567</v></c><c r="G1"><v>1e3</v></c><c r="H1"><v>0</v></c></row></sheetData></worksheet>""");

        var row = Assert.Single(rows);
        Assert.Equal([839727.0, 7.0, -12.0, 0.029, 123456789012345.0, 12345678901234568.0, 1000.0, 0.0], Enumerable.Range(1, 8).Select(c => row.Get(c).Number!.Value));
        Assert.All(Enumerable.Range(1, 8), c => Assert.Equal(SheetCellKind.Number, row.Get(c).Kind));
    }

    [Fact]
    public void ACellWrittenTwiceInARowKeepsTheLastValueAndCellsOutOfOrderAreSorted()
    {
        var rows = Rows($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>30</v></c></row></sheetData></worksheet>""");

        var row = Assert.Single(rows);
        Assert.Equal([(1, 1.0), (3, 30.0)], row.Cells.Select(c => (c.Column, c.Number!.Value)));
        Assert.True(row.Get(2).IsEmpty);
    }

    [Fact]
    public void AUtf16SheetPartIsRead()
    {
        var xml = $"""<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="str"><v>été</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>""";
        var bytes = HostileWorkbooks.WithEntry(Base, HostileWorkbooks.FirstSheetEntry(Base), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var row = Assert.Single(workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal(("été", "un"), (row.Get(1).Text, row.Get(2).Text));
    }

    [Theory]
    [InlineData("<!DOCTYPE w [<!ENTITY e \"x\">]>")]
    [InlineData("<!DOCTYPE w SYSTEM \"file:///etc/passwd\">")]
    public void ADocumentTypeDeclarationIsRefused(string doctype)
    {
        var bytes = Sheet($"""<?xml version="1.0"?>{doctype}<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="str"><v>x</v></c></row></sheetData></worksheet>""");
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var error = Assert.Throws<XmlException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void AnUndeclaredEntityIsAnErrorWithItsLine()
    {
        var bytes = Sheet($"<worksheet xmlns=\"{Main}\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&e;</v></c></row>\n</sheetData></worksheet>");
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var error = Assert.Throws<XmlException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void ThePartSizeLimitIsEnforcedWhileReading()
    {
        var cells = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\"><v>{i}</v></c></row>"));
        var bytes = Sheet($"""<worksheet xmlns="{Main}"><sheetData>{cells}</sheetData></worksheet>""");
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes), SpreadsheetLimits.Default with { MaxCharactersInPart = 20_000 });

        Assert.Throws<XmlException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());
    }

    [Fact]
    public void SharedStringsWithEntitiesRichRunsAndPhoneticRunsAreRead()
    {
        var sst = $"""<sst xmlns="{Main}" count="2" uniqueCount="2"><si><t>A &amp; B</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Budget </t></r><r><t>2022</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/></si></sst>""";
        var bytes = HostileWorkbooks.WithEntry(Base, "xl/sharedStrings.xml", sst);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var row = Assert.Single(workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal(("A & B", "Budget 2022"), (row.Get(1).Text, row.Get(2).Text));
    }

    private static List<SheetRow> Rows(string sheetXml)
    {
        using var workbook = XlsxWorkbook.Open(new MemoryStream(Sheet(sheetXml)));
        return workbook.ReadRows(workbook.Sheets[0]).ToList();
    }

    private static byte[] Sheet(string sheetXml) => HostileWorkbooks.WithEntry(Base, HostileWorkbooks.FirstSheetEntry(Base), sheetXml);
}
