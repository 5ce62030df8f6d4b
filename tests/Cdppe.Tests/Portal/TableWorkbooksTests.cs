using System.Text;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Tests.Portal;

/// <summary>The .xlsx export of any table of the portal: figures stored as numbers with French-looking formats, texts as texts, limits refused in words.</summary>
public sealed class TableWorkbooksTests
{
    [Fact]
    public async Task FiguresAreNumbersWithTheirFormatAndTextsStayTexts()
    {
        const string json = """
            {
              "title": "Départements en 2022",
              "fileName": "Départements en 2022",
              "columns": ["Département", "Budget", "Taux", "Dépôts", "Moyenne"],
              "rows": [
                ["77 – Seine-et-Marne", { "valeur": 31117173, "format": "euros" }, { "valeur": 0.397, "format": "pourcent" }, { "valeur": 6, "format": "nombre" }, { "valeur": 2.5, "format": "decimal" }],
                ["93 – Seine-Saint-Denis", null, "non renseigné", 12, { "valeur": 1, "format": "inconnu" }]
              ]
            }
            """;

        var outcome = await TableWorkbooks.WriteAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), null, CancellationToken.None);

        Assert.Null(outcome.Refused);
        Assert.Equal("departements-en-2022.xlsx", outcome.Value!.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(outcome.Value.Content), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Départements en 2022", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        string Text(string reference) => strings[int.Parse(cells[reference].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        string Format(string reference)
        {
            var style = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells[reference].StyleIndex!.Value);
            return workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == style.NumberFormatId!.Value).FormatCode!.Value!;
        }

        Assert.Equal("Départements en 2022", Text("A1"));
        Assert.Equal("Budget", Text("B2"));
        Assert.Equal("77 – Seine-et-Marne", Text("A3"));
        Assert.Null(cells["B3"].DataType);
        Assert.Equal("31117173", cells["B3"].CellValue!.Text);
        Assert.Equal("#,##0\\ \"€\"", Format("B3"));
        Assert.Equal("0.397", cells["C3"].CellValue!.Text);
        Assert.Equal("0.0\\ %", Format("C3"));
        Assert.Equal("#,##0", Format("D3"));
        Assert.Equal("#,##0.0", Format("E3"));
        Assert.False(cells.ContainsKey("B4"));
        Assert.Equal("non renseigné", Text("C4"));
        Assert.Equal("12", cells["D4"].CellValue!.Text);
        Assert.Null(cells["D4"].StyleIndex);
        Assert.Equal("1", cells["E4"].CellValue!.Text);
        Assert.Null(cells["E4"].StyleIndex);
    }

    [Fact]
    public async Task ATableTooLargeOrUnreadableIsRefusedInWords()
    {
        var announced = await TableWorkbooks.WriteAsync(new MemoryStream([]), 9 * 1024 * 1024, CancellationToken.None);
        Assert.Equal(Refusal.TooLarge, announced.Refused);
        Assert.Equal("Le tableau à exporter dépasse 8 Mo : filtrez-le avant de l'exporter.", announced.Message);

        var body = new StringBuilder("{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":[");
        body.AppendJoin(',', Enumerable.Repeat("[1]", 20_001)).Append("]}");
        var rows = await TableWorkbooks.WriteAsync(new MemoryStream(Encoding.UTF8.GetBytes(body.ToString())), null, CancellationToken.None);
        Assert.Equal(Refusal.TooLarge, rows.Refused);
        Assert.Equal("Le tableau à exporter a plus de 20\u00A0000 lignes ou de 60 colonnes : filtrez-le avant de l'exporter.", rows.Message);

        var sent = await TableWorkbooks.WriteAsync(new MemoryStream(new byte[(8 * 1024 * 1024) + 1]), null, CancellationToken.None);
        Assert.Equal(Refusal.TooLarge, sent.Refused);

        var unreadable = await TableWorkbooks.WriteAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"title\":")), null, CancellationToken.None);
        Assert.Equal(Refusal.Invalid, unreadable.Refused);
        Assert.Equal("Le tableau à exporter est illisible : rechargez la page puis réessayez.", unreadable.Message);
    }

    [Theory]
    [InlineData("indicateurs-77-2022", "indicateurs-77-2022.xlsx")]
    [InlineData("../../Valeurs « 6.2 » été", "valeurs-6-2-ete.xlsx")]
    [InlineData("", "tableau.xlsx")]
    [InlineData(null, "tableau.xlsx")]
    public void FileNamesAreLettersDigitsAndDashes(string? name, string expected) =>
        Assert.Equal(expected, TableWorkbooks.FileName(name));
}
