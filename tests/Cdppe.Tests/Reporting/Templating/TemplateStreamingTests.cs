using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Tests.Reporting.Templating.Docx;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>
/// A report far larger than what the renderer holds at once (a few tens of thousands of characters): held tables
/// and paragraphs, the page break after a loop and the ids to renumber all cross the writes to the package.
/// </summary>
public sealed class TemplateStreamingTests
{
    private const int FicheCount = 3_000;

    private static byte[] Template() => Create(
        P("{{#fiches}}"),
        P(new BookmarkStart { Id = "3", Name = "fiche{{numero}}" }, R("Fiche {{numero}} – {{texte}}"), new BookmarkEnd { Id = "3" }),
        P("{{%graphique}}"),
        P(R("{{/fiches}}"), new Run(new Break { Type = BreakValues.Page })),
        Table(Row("Ligne", "Montant"), Row("{{#lignes}}{{libelle}}", "{{montant | euros}}{{/lignes}}")),
        Table(Row("{{#vide}}{{libelle}}", "{{/vide}}")),
        P(new BookmarkStart { Id = "9", Name = "fin" }, R("Fin du rapport"), new BookmarkEnd { Id = "9" }));

    private static Dictionary<string, object?> BigData()
    {
        static ChartData Chart(int n) => new(ChartKind.Bar, $"Fiche {n}", ["2021", "2022"], [new("Réalisé", [n, n + 1], "2F5496")]);
        var fiches = Enumerable.Range(1, FicheCount)
            .Select(n => (object?)Data(("numero", n), ("texte", $"constat & suites <{n}> " + new string('x', 150)), ("graphique", n % 100 == 50 ? Chart(n) : null)))
            .ToList();
        var lignes = Enumerable.Range(1, 2_000).Select(n => (object?)Data(("libelle", $"Ligne {n}"), ("montant", 10m * n))).ToList();
        return Data(("fiches", fiches), ("lignes", lignes), ("vide", new TemplateList([], Data(("libelle", null)))));
    }

    [Fact]
    public void ABigReportIsOneValidPackageWithUniqueDrawingAndBookmarkIds()
    {
        var output = DocxTemplate.Compile(Template()).Render(BigData());

        Assert.Empty(Errors(output));
        using var document = Open(output);
        var main = document.MainDocumentPart!;
        using (var xml = main.GetStream())
        {
            Assert.True(xml.Length > 1_000_000, $"{xml.Length} bytes");
        }

        var body = main.Document.Body!;
        var starts = body.Descendants<BookmarkStart>().ToList();
        Assert.Equal(FicheCount + 1, starts.Count);
        Assert.Equal("fiche1", starts[0].Name!.Value);
        Assert.Equal("fiche3000", starts[^2].Name!.Value);
        Assert.Equal("fin", starts[^1].Name!.Value);
        Assert.Equal(FicheCount + 1, starts.Select(b => b.Id!.Value).Distinct().Count());
        Assert.Equal(starts.Select(b => b.Id!.Value), body.Descendants<BookmarkEnd>().Select(b => b.Id!.Value));

        // One chart every 100 fiches, each drawing its own id.
        var drawings = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(n => (uint)n), drawings);
        Assert.Equal(30, main.ChartParts.Count());

        // The loop's page break once, at the end of its last paragraph (↵); the table of 2 000 rows kept, the one without rows gone.
        Assert.Single(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        var blocks = Blocks(output);
        Assert.Equal("Fiche 3000 – constat & suites <3000> " + new string('x', 150) + "↵", blocks[^3]);
        Assert.StartsWith("[t] Ligne | Montant / Ligne 1 | 10\u00A0€ / ", blocks[^2], StringComparison.Ordinal);
        Assert.EndsWith(" / Ligne 2000 | 20\u00A0000\u00A0€", blocks[^2], StringComparison.Ordinal);
        Assert.Equal("Fin du rapport", blocks[^1]);
        Assert.Single(body.Elements<Table>());
    }

    [Fact]
    public void ABigReportOverTheCharacterBudgetIsRefusedNamingItsLoop()
    {
        // 3 000 fiches of 200 characters fit; the same loop three times inside another one of 100 items does not.
        var template = Create(P("{{#tours}}"), P("{{#fiches}}"), P("{{texte}}"), P("{{/fiches}}"), P("{{/tours}}"));
        var data = BigData();
        data["tours"] = Enumerable.Range(1, 100).Select(_ => (object?)Data()).ToList();

        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template).Render(data));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("rapport-trop-volumineux", error.Code);
        Assert.Equal("{{#tours}}", error.Tag);
    }

    [LibreOfficeFact]
    public async Task LibreOfficeConvertsABigReport()
    {
        var output = DocxTemplate.Compile(Template()).Render(BigData());
        var folder = Directory.CreateTempSubdirectory("cdppe-big-").FullName;
        try
        {
            var (_, text) = await ReportPdfTests.ConvertAsync(output, folder);

            Assert.Contains("Fiche 3000 – constat & suites <3000>", text, StringComparison.Ordinal);
            Assert.Contains("Ligne 2000", text, StringComparison.Ordinal);
            Assert.Contains("Fin du rapport", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
