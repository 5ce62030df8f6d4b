using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Tests.Ingestion.Xlsx;

public sealed class XlsxWorkbookTests
{
    private static XlsxWorkbook Open(byte[] bytes) => XlsxWorkbook.Open(new MemoryStream(bytes));

    [Fact]
    public void MergedRangesAreFilledFromTheirTopLeftCell()
    {
        var bytes = XlsxWriter.Write([new("S", [["Titre", null, null], [null, "b", null], ["x", null, null]], ["A1:C2"])]);
        using var workbook = Open(bytes);

        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();

        Assert.Equal("Titre", rows[1].Get(3).Text);
        Assert.True(rows[1].Get(3).FromMerge);
        Assert.Equal("b", rows[1].Get(2).Text);
        Assert.Equal("x", rows[2].Get(1).Text);
        Assert.True(rows[2].Get(2).IsEmpty);
    }

    [Theory]
    [InlineData(false, 44_742, 2022, 6, 30)]
    [InlineData(true, 43_280, 2022, 6, 30)]
    public void DateSerialsFollowTheWorkbookDateSystem(bool date1904, double serial, int year, int month, int day)
    {
        var bytes = XlsxWriter.Write([new("S", [[new XlsxNumber(serial, "dd/mm/yyyy")]])], date1904);
        using var workbook = Open(bytes);

        var cell = workbook.ReadRows(workbook.Sheets[0]).Single().Get(1);

        Assert.True(cell.IsDate);
        Assert.Equal(new DateTime(year, month, day), workbook.ToDate(cell.Number!.Value));
    }

    [Fact]
    public void FormulaErrorsAndCachedValuesAreRead()
    {
        var bytes = XlsxWriter.Write([new("S", [[new XlsxFormula("SUM(B1:B2)", 12.0), new XlsxFormula("A1/0", "#DIV/0!"), new XlsxFormula("Z9", "#REF!")]])]);
        using var workbook = Open(bytes);

        var row = workbook.ReadRows(workbook.Sheets[0]).Single();

        Assert.Equal(12.0, row.Get(1).Number);
        Assert.True(row.Get(1).HasFormula);
        Assert.Equal((SheetCellKind.Error, "#DIV/0!"), (row.Get(2).Kind, row.Get(2).Text));
        Assert.Equal("#REF!", row.Get(3).Text);
    }

    [Fact]
    public void ManyRowsStreamInOrderWithoutSkipping()
    {
        var rows = Enumerable.Range(1, 5_000).Select(i => (IReadOnlyList<object?>)[(double)i, "t" + i]);
        var bytes = XlsxWriter.Write([new("S", rows)]);
        using var workbook = Open(bytes);

        var read = workbook.ReadRows(workbook.Sheets[0]).ToList();

        Assert.Equal(5_000, read.Count);
        Assert.Equal(Enumerable.Range(1, 5_000), read.Select(r => (int)r.Get(1).Number!.Value));
        Assert.Equal("t4999", read[4_998].Get(2).Text);
    }

    [Fact]
    public void RowLimitIsAClearFrenchError()
    {
        var rows = Enumerable.Range(1, 50).Select(i => (IReadOnlyList<object?>)[(double)i]);
        var bytes = XlsxWriter.Write([new("Données", rows)]);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes), new SpreadsheetLimits { MaxRowsPerSheet = 10 });

        var error = Assert.Throws<WorkbookFormatException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());

        Assert.Equal("La feuille « Données » dépasse la limite de 10 lignes ; découpez le fichier.", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "ce n'est pas une archive zip valide")]
    [InlineData(new byte[0], "Le fichier est vide")]
    public void NotAWorkbookIsAFrenchError(byte[] bytes, string expected)
    {
        var error = Assert.Throws<WorkbookFormatException>(() => Open(bytes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedWorkbookIsAFrenchError()
    {
        var bytes = XlsxWriter.Write([new("S", [["a"]])]);

        var error = Assert.Throws<WorkbookFormatException>(() => Open(bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("Le fichier n'est pas un classeur Excel", error.Message, StringComparison.Ordinal);
    }
}

public sealed class XlsxInlineStringTests
{
    [Fact]
    public void InlineStringsRichRunsAndFollowingCellsAreAllRead()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            sheetPart.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(
                new DocumentFormat.OpenXml.Spreadsheet.Row(
                    new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "A1", DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("Budget ")) },
                    new DocumentFormat.OpenXml.Spreadsheet.Cell(
                        new DocumentFormat.OpenXml.Spreadsheet.InlineString(
                            new DocumentFormat.OpenXml.Spreadsheet.Run(new DocumentFormat.OpenXml.Spreadsheet.Text("consommé ")),
                            new DocumentFormat.OpenXml.Spreadsheet.Run(new DocumentFormat.OpenXml.Spreadsheet.Text("en 2022")),
                            new DocumentFormat.OpenXml.Spreadsheet.PhoneticRun(new DocumentFormat.OpenXml.Spreadsheet.Text("ignoré"))))
                    { CellReference = "B1", DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString },
                    new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "C1", CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("42") })
                { RowIndex = 1 },
                new DocumentFormat.OpenXml.Spreadsheet.Row(new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = "A2", CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("7") }) { RowIndex = 2 }));
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = "S", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        using var workbook = XlsxWorkbook.Open(new MemoryStream(stream.ToArray()));
        var rows = workbook.ReadRows(workbook.Sheets[0]).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(("Budget ", "consommé en 2022", 42.0), (rows[0].Get(1).Text, rows[0].Get(2).Text, rows[0].Get(3).Number!.Value));
        Assert.Equal(7.0, rows[1].Get(1).Number);
    }
}
