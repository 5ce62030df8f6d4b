using Cdppe.Pipeline.Reporting.Templating;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Tests.Reporting.Templating.Docx;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>The render stage as a table of small cases: paragraphs in (one string each, "¦" cutting runs), blocks out.</summary>
public sealed class TemplateRenderCaseTests
{
    private static readonly Dictionary<string, object?> Data = Docx.Data(
        ("annee", 2022),
        ("nom", "Seine-et-Marne"),
        ("vide", string.Empty),
        ("rien", null),
        ("vrai", true),
        ("faux", false),
        ("zero", 0m),
        ("montant", 839_727m),
        ("taux", 0.521305m),
        ("date", new DateOnly(2023, 6, 23)),
        ("liste", new List<object?> { "a", "b", "c" }),
        ("deux", new List<object?> { 1, 2 }),
        ("vides", new List<object?>()),
        ("objet", Docx.Data(("numero", 9), ("libelle", "PMI"))),
        ("items", new List<object?> { Docx.Data(("n", 1), ("sous", new List<object?> { "x", "y" })), Docx.Data(("n", 2), ("sous", new List<object?>())) }));

    [Theory]
    [InlineData("{{annee}}", "2022")]
    [InlineData("{¦{annee}¦}", "2022")]
    [InlineData("Département : {{nom}} ({{annee}})", "Département : Seine-et-Marne (2022)")]
    [InlineData("{{nom | majuscules}}", "SEINE-ET-MARNE")]
    [InlineData("[{{vide}}][{{rien}}]", "[][]")]
    [InlineData("{{rien | sinon:\"n.c.\"}}", "n.c.")]
    [InlineData("{{montant | euros}} / {{taux | pourcent}} / {{date | date}}", "839 727 € / 52,1 % / 23 juin 2023")]
    [InlineData("{{#vrai}}oui{{/vrai}}{{#faux}}non{{/faux}}", "oui")]
    [InlineData("{{^faux}}pas faux{{/faux}}{{^vrai}}jamais{{/vrai}}", "pas faux")]
    [InlineData("{{#zero}}jamais{{/zero}}{{^zero}}zéro{{/zero}}", "zéro")]
    [InlineData("{{#liste}}<{{.}}>{{/liste}}", "<a><b><c>")]
    [InlineData("{{#liste}}{{.}}{{/}}", "abc")]
    [InlineData("{{^vides}}aucun{{/vides}}{{#vides}}jamais{{/vides}}", "aucun")]
    [InlineData("{{#objet}}{{numero}} {{libelle}} {{annee}}{{/objet}}", "9 PMI 2022")]
    [InlineData("{{objet.numero}}-{{objet.libelle}}", "9-PMI")]
    [InlineData("{{#items}}{{n}}:{{#sous}}{{.}}{{/sous}}{{^sous}}-{{/sous}};{{/items}}", "1:xy;2:-;")]
    [InlineData("{{#nom}}[{{.}}]{{/nom}}", "[Seine-et-Marne]")]
    [InlineData("a {¦{#vrai}}b{{/¦vrai}} c", "a b c")]
    [InlineData("{{mon¦tant | eu¦ros}}", "839 727 €")]
    public void RendersOneParagraph(string paragraph, string expected)
    {
        var runs = paragraph.Split('¦').Select((t, i) => (object)R(t, bold: i % 2 == 1)).ToArray();

        var output = DocxTemplate.Compile(Create(P(runs))).Render(Data);

        Assert.Equal([expected], Blocks(output).Select(b => b.Replace('\u00A0', ' ')));
        Assert.Empty(Errors(output));
    }

    [Theory]
    [InlineData(new[] { "{{#faux}}", "x", "{{/faux}}" }, new string[0])]
    [InlineData(new[] { "{{#vrai}}", "x", "{{/vrai}}" }, new[] { "x" })]
    [InlineData(new[] { "avant", "{{#liste}}", "{{.}}", "{{/liste}}", "après" }, new[] { "avant", "a", "b", "c", "après" })]
    // Boundary paragraphs holding other content are cut at the tags (docxtemplater's paragraph-loops fixture):
    // what stands before the opening tag and after the closing one comes out once.
    [InlineData(new[] { "{{#liste}}début", "{{.}}", "fin{{/liste}}" }, new[] { "début", "a", "findébut", "b", "findébut", "c", "fin" })]
    [InlineData(new[] { "Types de boucles {{#deux}}", "Cond", "{{/deux}}" }, new[] { "Types de boucles ", "Cond", "", "Cond", "" })]
    [InlineData(new[] { "{{#deux}}{{nom}}", "Cond", "{{/deux}}" }, new[] { "Seine-et-Marne", "Cond", "Seine-et-Marne", "Cond", "" })]
    [InlineData(new[] { "{{#deux}}", "Cond", "{{/deux}}{{nom}}" }, new[] { "", "Cond", "", "Cond", "Seine-et-Marne" })]
    [InlineData(new[] { "test{{#deux}}test", "Cond", "{{/deux}}" }, new[] { "testtest", "Cond", "test", "Cond", "" })]
    [InlineData(new[] { "avant {{#faux}}", "x", "{{/faux}} après" }, new[] { "avant  après" })]
    [InlineData(new[] { "{{#deux}}", "Cond", "{{/deux}}" }, new[] { "Cond", "Cond" })]
    [InlineData(new[] { "{{#items}}{{#sous}}", "{{n}}{{.}}", "{{/sous}}{{/items}}" }, new[] { "1x", "1y" })]
    [InlineData(new[] { "{{#items}}", "{{n}}", "{{#sous}}", "- {{.}}", "{{/sous}}", "{{/items}}" }, new[] { "1", "- x", "- y", "2" })]
    [InlineData(new[] { "{{#vides}}", "x", "{{/vides}}", "{{^vides}}", "vide", "{{/vides}}" }, new[] { "vide" })]
    [InlineData(new[] { "{{rien}}", "{{#faux}}x{{/faux}}" }, new[] { "" })]
    public void RendersParagraphSequences(string[] paragraphs, string[] expected)
    {
        var output = DocxTemplate.Compile(Create(paragraphs.Select(p => (OpenXmlElement)P(p)).ToArray())).Render(Data);

        Assert.Equal(expected, Blocks(output));
        Assert.Empty(Errors(output));
    }

    [Fact]
    public void RowLoopInATableNestedInACell()
    {
        var inner = Table(Row("{{#sous}}{{.}}", "{{n}}{{/sous}}"));
        var template = Create(Table(Row((object)new OpenXmlElement[] { P("{{#items}}Item {{n}}"), inner, P("{{/items}}") })));

        var output = DocxTemplate.Compile(template).Render(Data);

        Assert.Empty(Errors(output));
        using var document = Open(output);
        var cell = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single().Descendants<TableCell>().First();
        Assert.Equal(["Item 1", "[t] x | 1 / y | 1", "Item 2"], cell.ChildElements.Select(e => e switch
        {
            Paragraph p => Text(p),
            Table t => "[t] " + string.Join(" / ", t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText)))),
            _ => null,
        }).OfType<string>().Where(s => s.Length > 0));
        Assert.IsType<Paragraph>(cell.ChildElements[^1]);
    }

    [Fact]
    public void OneCompiledTemplateRendersOnManyThreadsAtOnce()
    {
        var template = DocxTemplate.Compile(Create(P("{{#items}}"), P("{{n}} {{#sous}}{{.}}{{/sous}}"), P("{{/items}}"), Table(Row("{{#liste}}{{.}}", "{{annee}}{{/liste}}"))));
        var expected = Blocks(template.Render(Data));

        var results = new System.Collections.Concurrent.ConcurrentBag<List<string>>();
        Parallel.For(0, 32, _ => results.Add(Blocks(template.Render(Data))));

        Assert.Equal(32, results.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void AWordTemplateFileBecomesADocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Template))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(P("Rapport {{annee}}")));
        }

        var output = DocxTemplate.Compile(stream.ToArray()).Render(Data);

        using var rendered = Open(output);
        Assert.Equal(WordprocessingDocumentType.Document, rendered.DocumentType);
        Assert.Equal(["Rapport 2022"], Blocks(output));
    }
}
