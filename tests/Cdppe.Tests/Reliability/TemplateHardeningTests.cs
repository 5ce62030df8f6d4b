using System.Net;
using System.Text.Json;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Support.HostileTemplates;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// User templates that took the host down (a stack overflow while loading a part, loops multiplying the output until
/// the memory ran out) or made the report load content from elsewhere: each gets a French 422 naming the limit or the
/// content, and the host keeps serving.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateHardeningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TemplateWith100000NestedCustomXmlGetsAFrench422NamingTheLimitAndTheHostKeepsServing()
    {
        var template = NestedCustomXml(100_000);
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var dep = TestDepartements.Next().Code;
        await new Services(app.Storage).DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await app.Storage.Templates.GetBlobClient($"{dep}/rapport-execution.docx").UploadAsync(new BinaryData(template), overwrite: true);

        var first = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));
        var again = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));
        var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.True(template.Length < 16 * 1024, $"{template.Length} bytes");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        using var problem = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"templates/{dep}/rapport-execution.docx", detail, StringComparison.Ordinal);
        Assert.Contains("Le modèle est refusé par sécurité : la partie « /word/document.xml » contient plus de 256 niveaux d'éléments imbriqués (limite de profondeur).", detail, StringComparison.Ordinal);
        Assert.Equal("modele-trop-complexe", problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void FiveNestedLoopsOverTheFichesAreRefusedWithTheOutermostLoopInsteadOfExhaustingTheMemory()
    {
        var template = DocxTemplate.Compile(NestedLoops(5));

        var error = Assert.Throws<TemplateException>(() => template.Render(Fiches(41)));

        var only = Assert.Single(error.Errors);
        Assert.Equal("rapport-trop-volumineux", only.Code);
        Assert.Equal("{{#fiches}}", only.Tag);
        Assert.Equal("corps du document, paragraphe 1 « {{#fiches}} »", only.Location?.ToString());
        Assert.StartsWith("Le rendu du modèle produirait plus de 40\u202F000\u202F000 caractères de contenu (limite de taille du rapport) ; en cause : la section {{#fiches}} ({{#fiches}} dans {{#fiches}} dans {{#fiches}} dans {{#fiches}} dans {{#fiches}}).", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoNestedLoopsOverTheFichesStillRender()
    {
        var rendered = DocxTemplate.Compile(NestedLoops(2)).Render(Fiches(41));

        var blocks = Docx.Blocks(rendered);
        Assert.Equal(41 * 41, blocks.Count);
        Assert.Equal("Fiche 41 – Fiche action numéro 41 du plan", blocks[^1]);
    }

    [Fact]
    public void ALoopOverALargeFixedContentIsRefusedBeforeItRepeats()
    {
        var template = DocxTemplate.Compile(Docx.Create(Docx.P("{{#fiches}}"), Docx.P(new string('x', 1_000_000)), Docx.P("{{/fiches}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(Fiches(41)));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("rapport-trop-volumineux", "{{#fiches}}"), (only.Code, only.Tag));
        Assert.Contains("plus de 40\u202F000\u202F000 caractères de contenu (limite de taille du rapport) ; en cause : la section {{#fiches}}.", only.Message, StringComparison.Ordinal);
        Assert.Equal(2, Docx.Blocks(template.Render(Fiches(2))).Count(b => b.Length == 1_000_000));
    }

    [Fact]
    public void SectionsNestedDeeperThanTwelveAreRefusedWhenTheTemplateIsCompiled()
    {
        DocxTemplate.Compile(NestedLoops(12));
        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(NestedLoops(13)));

        var only = Assert.Single(error.Errors);
        Assert.Equal("sections-trop-imbriquees", only.Code);
        Assert.Equal("corps du document, paragraphe 13 « {{#fiches}} »", only.Location?.ToString());
        Assert.StartsWith("La section {{#fiches}} est ouverte dans 12 autres sections : au-delà de 12 niveaux", only.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ExternalContent() => new()
    {
        { "altchunk-html", "modele-contenu-importe", "Le modèle importe un contenu d'un autre format (altChunk « /word/afchunk.htm », text/html)" },
        { "includepicture-simple", "modele-champ-externe", "Le modèle contient un champ INCLUDEPICTURE qui insère le contenu d'un autre fichier ou d'une adresse (« INCLUDEPICTURE \"http://attaquant.example/pixel.png\" \\d »)" },
        { "includetext-runs", "modele-champ-externe", "Le modèle contient un champ INCLUDETEXT qui insère le contenu d'un autre fichier ou d'une adresse (« INCLUDETEXT \"http://attaquant.example/annexe.docx\" »)" },
        { "link-excel", "modele-champ-externe", "Le modèle contient un champ LINK qui insère" },
        { "includetext-dans-if", "modele-champ-externe", "Le modèle contient un champ INCLUDETEXT qui insère le contenu d'un autre fichier ou d'une adresse (« INCLUDETEXT \"https://attaquant.example/annexe.docx\" »)" },
        { "dde-minuscules", "modele-champ-externe", "Le modèle contient un champ DDEAUTO qui insère" },
    };

    [Theory]
    [MemberData(nameof(ExternalContent))]
    public void ContentLoadedFromElsewhereIsRefusedInFrench(string name, string code, string message)
    {
        var docx = name switch
        {
            "altchunk-html" => WithAltChunk(),
            "includepicture-simple" => WithSimpleField(" INCLUDEPICTURE \"http://attaquant.example/pixel.png\" \\d "),
            "includetext-runs" => WithComplexField(" INCLUDE", "TEXT \"http://attaquant", ".example/annexe.docx\" "),
            "link-excel" => WithComplexField(" LINK Excel.Sheet.12 \"\\\\\\\\serveur\\\\partage\\\\budget.xlsx\" \"Feuil1!L1C1\" \\a \\f 4 \\h "),
            "includetext-dans-if" => WithNestedField(),
            _ => WithSimpleField("ddeauto excel \"budget.xlsx\" \"L1C1\""),
        };

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        var only = Assert.Single(error.Errors);
        Assert.Equal(code, only.Code);
        Assert.StartsWith(message, only.Message, StringComparison.Ordinal);
        Assert.EndsWith("le rapport ne doit rien charger d'ailleurs.", only.Message, StringComparison.Ordinal);
        if (code == "modele-champ-externe")
        {
            Assert.Equal(2, only.Location?.Paragraph);
        }
    }

    [Fact]
    public void FieldsThatComputeInsideTheDocumentAreKept()
    {
        var page = WithComplexField(" PAGE ", "\\* MERGEFORMAT ");
        var link = WithSimpleField(" HYPERLINK \"https://www.legifrance.gouv.fr\" ");
        var toc = WithSimpleField(" TOC \\o \"1-3\" \\h \\z \\u ");

        foreach (var docx in new[] { page, link, toc })
        {
            var rendered = DocxTemplate.Compile(docx).Render(Docx.Data(("annee", 2022)));
            Assert.Equal("Rapport 2022", Docx.Blocks(rendered)[0]);
        }
    }

    [Fact]
    public void ATemplateThatIsNotAWordPackageIsRefusedInFrenchOnly()
    {
        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile("PK\u0003\u0004 pas un paquet"u8.ToArray()));

        Assert.Equal("Le fichier n'est pas un document Word (.docx) lisible : son paquet Open XML est invalide ou incomplet. Ouvrez-le dans Word et enregistrez-le à nouveau au format .docx.", Assert.Single(error.Errors).Message);
    }
}
