using Cdppe.Pipeline.Reporting.Templating;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Tests.Reporting.Templating.Docx;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>What the engine refuses, and how it says so: every error with its tag and paragraph, unknown and misplaced tags, oversized, broken or external templates; and the compiled templates it keeps.</summary>
public sealed class TemplateRejectionTests
{
    [Fact]
    public void AllErrorsAreCollectedWithTheirTagAndParagraph()
    {
        var template = Create(
            P("{{#fiches}}"),
            P("Fiche {{numero}}"),
            P("Texte {{ouvert"),
            P("{{/fichse}}"),
            P("{{#jamaisFermee}}"),
            P("{{montant | devise}}"),
            P("fin}}"));

        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template));

        var found = exception.Errors.Select(e => (e.Code, e.Location?.Paragraph)).OrderBy(e => e.Paragraph).ToList();
        Assert.Equal(
            [("delimiteur-non-ferme", 3), ("fermeture-differente", 4), ("boucle-non-fermee", 5), ("filtre-inconnu", 6), ("delimiteur-non-ouvert", 7)],
            found.Select(f => (f.Code, f.Paragraph ?? 0)).ToList());
        Assert.Contains("{{#jamaisFermee}}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("paragraphe 5", exception.Message, StringComparison.Ordinal);
        Assert.Contains(exception.Errors, e => e.Tag == "{{/fichse}}" && e.Message.Contains("{{/fiches}}", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownTagsAreErrorsEvenInsideEmptyLoops()
    {
        var template = Create(
            P("{{annee}} {{anne}}"),
            P("{{#fiches}}{{numero}} {{numro}}{{/fiches}}"),
            P("{{#vide}}{{inconnu}}{{/vide}}"),
            P("{{montant | euros}}"));
        var compiled = DocxTemplate.Compile(template);
        var shape = Data(("numero", 0), ("intitule", string.Empty));

        var exception = Assert.Throws<TemplateException>(() => compiled.Render(Data(
            ("annee", 2022), ("fiches", new TemplateList([], shape)), ("vide", new TemplateList([], shape)), ("montant", "NC"))));

        Assert.Equal(
            ["balise-inconnue {{anne}} 1", "balise-inconnue {{numro}} 2", "balise-inconnue {{inconnu}} 3", "type-invalide {{montant | euros}} 4"],
            exception.Errors.Select(e => $"{e.Code} {e.Tag} {e.Location?.Paragraph}").ToList());
        Assert.Contains("Vouliez-vous dire « annee »", exception.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionTagsInATableAndOutsideItAreAPositionError()
    {
        var template = Create(Table(Row("{{#lignes}}x", "y")), P("{{/lignes}}"));

        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template));

        Assert.Equal("position-boucle-invalide", Assert.Single(exception.Errors).Code);
    }

    [Fact]
    public void ALoopInsideAHyperlinkIsLiftedOut()
    {
        var link = new Hyperlink(R("voir {{#items}}"), R("{{.}}"), R("{{/items}} fin")) { Anchor = "ancre" };
        var template = Create(P(R("Lien : "), link));

        var output = RenderValid(template, Data(("items", new List<object?> { "a", "b" })));

        Assert.Equal(["Lien : voir ab fin"], Blocks(output));
    }

    [Fact]
    public void CompiledTemplatesAreCachedByContentHash()
    {
        var cache = new DocxTemplateCache(capacity: 2);
        var a = Create(P("{{x}}"));
        var b = Create(P("{{y}}"));

        var first = cache.GetOrCompile(a);
        Assert.Same(first, cache.GetOrCompile(a.ToArray()));
        Assert.NotSame(first, cache.GetOrCompile(b));
        Assert.Equal(DocxTemplate.HashOf(a), first.Hash);
        cache.GetOrCompile(Create(P("{{z}}")));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void AnOversizedTemplateIsRefusedBeforeBeingOpened()
    {
        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(new byte[DocxTemplate.MaxTemplateBytes + 1]));

        Assert.Equal("modele-trop-volumineux", Assert.Single(exception.Errors).Code);
    }

    [Fact]
    public void ABrokenFileIsATemplateError()
    {
        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile([1, 2, 3]));

        Assert.Contains("n'est pas un document Word", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateLoadingAnExternalResourceIsRefused()
    {
        var template = Create(P("{{titre}}"));
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            document.MainDocumentPart!.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://tracker.example.invalid/pixel.png"));
        }

        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(stream.ToArray()));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("modele-relation-externe", error.Code);
        Assert.Contains("http://tracker.example.invalid/pixel.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartTagInsertsANativeChartWithItsEmbeddedWorkbook()
    {
        var template = Create(P("{{#fiches}}"), P("{{%graphique}}"), P("{{/fiches}}"));
        ChartData Chart(int n) => new(ChartKind.Line, $"Fiche {n}", ["2019", "2020", "2021", "2022"], [new("Cible", [10, 20, 30, 40], "A5A5A5"), new("Réalisé", [10, 18, null, 45], "2F5496")]) { NumberFormat = "0.0%" };

        var output = RenderValid(template, Data(("fiches", new List<object?> { Data(("graphique", Chart(1))), Data(("graphique", Chart(2))), Data(("graphique", null)) })));

        using var document = Open(output);
        var main = document.MainDocumentPart!;
        var charts = main.ChartParts.ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.NotNull(c.EmbeddedPackagePart));
        var ids = main.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Id!.Value).ToList();
        Assert.Equal([1u, 2u], ids);
        Assert.Contains("Réalisé", charts[0].ChartSpace.InnerText, StringComparison.Ordinal);
        Assert.Equal(2, main.Document.Body!.Elements<Paragraph>().Count());

        // The embedded workbook is a valid spreadsheet holding the chart's data (what Word's "Modifier les données" opens).
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(charts[0].EmbeddedPackagePart!.GetStream(), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook));
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText ?? c.CellValue?.Text);
        Assert.Equal("Cible", cells["B1"]);
        Assert.Equal("Réalisé", cells["C1"]);
        Assert.Equal("2021", cells["A4"]);
        Assert.Equal("18", cells["C3"]);
        Assert.False(cells.ContainsKey("C4"));
        Assert.Equal("45", cells["C5"]);
        var cached = charts[0].ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => p.NumericValue!.Text).ToList();
        Assert.Equal(["10", "20", "30", "40", "10", "18", "45"], cached);
    }

    [Fact]
    public void TemplatesReadDictionariesOnlyNeverObjectMembers()
    {
        var template = Create(P("{{fiche.Numero}} {{fiche.GetType}}"));

        var exception = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template).Render(Data(("fiche", new Uri("https://example.org/")))));

        Assert.All(exception.Errors, e => Assert.Equal("balise-inconnue", e.Code));
        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void ChartTagInAHeaderIsRefused()
    {
        var template = Create([P("x")], new Header(P("{{%graphique}}")));

        Assert.Equal("graphique-interdit", Assert.Single(Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template)).Errors).Code);
    }

    [Fact]
    public void TemplateWithoutTagsComesBackUnchangedInText()
    {
        var template = Create(P("Texte { simple }"), Table(Row("a", "b")));

        Assert.Equal(["Texte { simple }", "[t] a | b"], Blocks(RenderValid(template, Data())));
    }
}
