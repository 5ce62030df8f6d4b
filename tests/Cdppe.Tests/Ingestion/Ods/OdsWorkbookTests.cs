using System.IO.Compression;
using System.Text;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Ods;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Ingestion.Ods;

public sealed class OdsWorkbookTests
{
    private const string Namespaces = """xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" """;

    /// <summary>An .ods as LibreOffice lays it out: the mimetype first and stored, then content.xml.</summary>
    internal static byte[] Ods(string tables, string styles = "", bool mimeTypeFirst = true)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text, CompressionLevel level)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }

            var content = $"""<?xml version="1.0" encoding="UTF-8"?><office:document-content {Namespaces}><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>""";
            if (mimeTypeFirst)
            {
                Add("mimetype", SpreadsheetFormats.OdsMimeType, CompressionLevel.NoCompression);
            }

            Add("content.xml", content, CompressionLevel.Optimal);
            if (!mimeTypeFirst)
            {
                Add("mimetype", SpreadsheetFormats.OdsMimeType, CompressionLevel.Optimal);
            }
        }

        return stream.ToArray();
    }

    private static List<SheetRow> Rows(byte[] ods, int sheet = 0, SpreadsheetLimits? limits = null)
    {
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods), limits);
        return workbook.ReadRows(workbook.Sheets[sheet]).ToList();
    }

    [Fact]
    public void ValueTypesTextRunsAndCachedFormulaValuesAreReadLikeAnXlsx()
    {
        var ods = Ods("""
            <table:table table:name="Valeurs">
              <table:table-row>
                <table:table-cell office:value-type="float" office:value="839727"><text:p>839 727</text:p></table:table-cell>
                <table:table-cell office:value-type="percentage" office:value="0.029"><text:p>2,90 %</text:p></table:table-cell>
                <table:table-cell office:value-type="currency" office:currency="EUR" office:value="119622"><text:p>119 622,00 €</text:p></table:table-cell>
                <table:table-cell office:value-type="date" office:date-value="2022-06-01"><text:p>01/06/2022</text:p></table:table-cell>
                <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>
                <table:table-cell office:value-type="string"><text:p>Budget<text:s text:c="2"/>consommé <text:span>en</text:span> 2022</text:p><text:p>au 31/12</text:p></table:table-cell>
                <table:table-cell table:formula="of:=[.A1]*2" office:value-type="float" office:value="1679454"><text:p>1 679 454</text:p></table:table-cell>
                <table:table-cell table:formula="of:=[.J6]/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
                <table:table-cell office:value-type="string"><office:annotation><text:p>une note</text:p></office:annotation><text:p>NC</text:p></table:table-cell>
              </table:table-row>
            </table:table>
            """);

        using var workbook = OdsWorkbook.Open(new MemoryStream(ods));
        var row = Assert.Single(workbook.ReadRows(workbook.Sheets[0]));

        Assert.Equal((SheetCellKind.Number, 839_727.0), (row.Get(1).Kind, row.Get(1).Number!.Value));
        Assert.Equal(new ParsedValue(ValueStatus.Value, 0.029m, true, null), CellValueParser.Parse(row.Get(2)));
        Assert.Equal(119_622.0, row.Get(3).Number);
        Assert.True(row.Get(4).IsDate);
        Assert.Equal(new DateTime(2022, 6, 1), workbook.ToDate(row.Get(4).Number!.Value));
        Assert.Equal((SheetCellKind.Boolean, "VRAI"), (row.Get(5).Kind, row.Get(5).Text));
        Assert.Equal("Budget  consommé en 2022\nau 31/12", row.Get(6).Text);
        Assert.Equal((1_679_454.0, true), (row.Get(7).Number!.Value, row.Get(7).HasFormula));
        Assert.Equal((SheetCellKind.Error, "#DIV/0!"), (row.Get(8).Kind, row.Get(8).Text));
        Assert.Equal("NC", row.Get(9).Text);
    }

    [Fact]
    public void RepeatedRowsAndCellsAndMergedRangesGiveTheCellsOfTheSheet()
    {
        var ods = Ods("""
            <table:table table:name="Rapport">
              <table:table-column table:number-columns-repeated="16384"/>
              <table:table-header-rows>
                <table:table-row>
                  <table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="2"><text:p>Financements prévus</text:p></table:table-cell>
                  <table:covered-table-cell table:number-columns-repeated="2"/>
                  <table:table-cell office:value-type="string"><text:p>Fiche</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="16380"/>
                </table:table-row>
              </table:table-header-rows>
              <table:table-row>
                <table:covered-table-cell table:number-columns-repeated="3"/>
                <table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="2"/>
              </table:table-row>
              <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
              <table:table-row-group>
                <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
              </table:table-row-group>
              <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            """);

        var rows = Rows(ods);

        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.Index));
        Assert.Equal(("Financements prévus", false), (rows[0].Get(1).Text, rows[0].Get(1).FromMerge));
        Assert.Equal(("Financements prévus", true), (rows[0].Get(3).Text, rows[0].Get(3).FromMerge));
        Assert.Equal(("Financements prévus", true), (rows[1].Get(2).Text, rows[1].Get(2).FromMerge));
        Assert.Equal("Fiche", rows[0].Get(4).Text);
        Assert.Equal((7.0, 7.0, "E2"), (rows[1].Get(4).Number!.Value, rows[1].Get(5).Number!.Value, rows[1].Get(5).Reference));
        Assert.True(rows[2].IsBlank && rows[3].IsBlank);
        Assert.Equal(("x", "A6"), (rows[5].Get(1).Text, rows[5].Get(1).Reference));

        using var workbook = OdsWorkbook.Open(new MemoryStream(ods));
        Assert.Equal(["A1:C2"], workbook.MergedRanges(workbook.Sheets[0]));
    }

    [Fact]
    public void AMillionRepeatedEmptyRowsAreCountedNotBuilt()
    {
        var ods = Ods("""<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>""");
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods), new SpreadsheetLimits { MaxRowsPerSheet = 10 });

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Single(rows);
        Assert.True(allocated < 2_000_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void RowAndColumnLimitsGiveTheSameFrenchErrorsAsAnXlsx()
    {
        var manyRows = Ods("""<table:table table:name="Données"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>""");
        var wide = Ods("""<table:table table:name="Large"><table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="600"><text:p>x</text:p></table:table-cell></table:table-row></table:table>""");

        var rows = Assert.Throws<WorkbookFormatException>(() => Rows(manyRows, limits: new SpreadsheetLimits { MaxRowsPerSheet = 10 }));
        var columns = Assert.Throws<WorkbookFormatException>(() => Rows(wide));

        Assert.Equal("La feuille « Données » dépasse la limite de 10 lignes ; découpez le fichier.", rows.Message);
        Assert.Equal(("La feuille « Large » contient des valeurs au-delà de la colonne SR (limite 512 colonnes).", "SS1"), (columns.Message, columns.Cell));
    }

    [Fact]
    public void TablesHiddenByTheirStyleAreHiddenSheets()
    {
        var ods = Ods(
            """<table:table table:name="Visible" table:style-name="ta1"/><table:table table:name="Cachée" table:style-name="ta2"/><table:table table:name="Sans style"/>""",
            """<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>""");

        using var workbook = OdsWorkbook.Open(new MemoryStream(ods));

        Assert.Equal([("Visible", SheetVisibility.Visible), ("Cachée", SheetVisibility.Hidden), ("Sans style", SheetVisibility.Visible)], workbook.Sheets.Select(s => (s.Name, s.Visibility)));
    }

    [Fact]
    public void ADocumentTypeDeclarationIsRefused()
    {
        var ods = Ods("<table:table table:name=\"S\"/>");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                entry.Write(Encoding.ASCII.GetBytes(SpreadsheetFormats.OdsMimeType));
            }

            using var content = zip.CreateEntry("content.xml").Open();
            content.Write(Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>"""));
        }

        var content2 = new WorkbookParser().Parse(new MemoryStream(stream.ToArray()));

        Assert.NotEmpty(ods);
        var error = Assert.Single(content2.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal("classeur-illisible", error.Code);
        Assert.Contains("interdit (DTD)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MacrosAreReportedNeverRun()
    {
        using var stream = new MemoryStream();
        stream.Write(Ods("""<table:table table:name="Suivi"><table:table-row><table:table-cell office:value-type="string"><text:p>Code</text:p></table:table-cell></table:table-row></table:table>"""));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("Basic/Standard/Module1.xml").Open();
            entry.Write("<script:module/>"u8);
        }

        var content = new WorkbookParser().Parse(new MemoryStream(stream.ToArray()));

        Assert.Contains(content.Issues.All, i => i.Code == "macros-ignorees");
    }
}
