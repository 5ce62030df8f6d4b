using System.Net;
using System.Text.Json;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using static Cdppe.Tests.Support.HostileTemplates;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Templates that reached outside the report although the external-content check passed them (issue 22): field
/// codes padded beyond what was read, an image linked through a relationship typed as a hyperlink, macros, a mail
/// merge holding a data source. Each is refused in French, naming the part and the field or relationship.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateExternalContentTests(AzuriteFixture azurite)
{
    private const string Tail = "le rapport ne doit rien charger d'ailleurs.";

    public static TheoryData<string, string, string> PaddedFields() => new()
    {
        { "ddeauto-250-espaces", "DDEAUTO", "Le modèle contient un champ DDEAUTO qui insère le contenu d'un autre fichier ou d'une adresse (« DDEAUTO excel \"budget.xlsx\" \"L1C1\" »)" },
        { "includepicture-250-tabulations-en-morceaux", "INCLUDEPICTURE", "Le modèle contient un champ INCLUDEPICTURE qui insère le contenu d'un autre fichier ou d'une adresse (« INCLUDEPICTURE \"file:///etc/passwd\" \\d »)" },
        { "includetext-300-sauts-de-ligne", "INCLUDETEXT", "Le modèle contient un champ INCLUDETEXT qui insère le contenu d'un autre fichier ou d'une adresse (« INCLUDETEXT \"http://attaquant.example/annexe.docx\" »)" },
        { "nom-produit-par-un-champ", "PICTURE", "Le modèle contient un champ dont le nom est produit par un autre champ placé avant lui (« … PICTURE \"http://attaquant.example/pixel.png\" \\d ») : Word le calcule à l'ouverture" },
    };

    [Theory]
    [MemberData(nameof(PaddedFields))]
    public void AFieldCodeIsReadWholeWhateverPrecedesItsName(string name, string field, string message)
    {
        var docx = name switch
        {
            "ddeauto-250-espaces" => WithSimpleField(new string(' ', 250) + "DDEAUTO excel \"budget.xlsx\" \"L1C1\""),
            "includepicture-250-tabulations-en-morceaux" => WithComplexField(new string('\t', 120), new string('\t', 130), "INCLUDE", "PICTURE \"file:///etc/passwd\" \\d "),
            "includetext-300-sauts-de-ligne" => WithComplexField(string.Concat(Enumerable.Repeat(" \n ", 100)) + "INCLUDETEXT \"http://attaquant.example/annexe.docx\" "),
            _ => WithComputedFieldName(),
        };

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("modele-champ-externe", field), (only.Code, only.Tag));
        Assert.StartsWith(message, only.Message, StringComparison.Ordinal);
        Assert.EndsWith(Tail, only.Message, StringComparison.Ordinal);
        Assert.Equal("/word/document.xml", only.Location?.Part);
        Assert.Equal(2, only.Location?.Paragraph);
    }

    [Fact]
    public void LongFieldsThatComputeInsideTheDocumentAreKept()
    {
        var page = WithComplexField(new string(' ', 300), " PAGE ", "\\* MERGEFORMAT ");
        var link = WithSimpleField(new string('\t', 300) + "HYPERLINK \"https://www.legifrance.gouv.fr/" + new string('a', 400) + "\"");

        foreach (var docx in new[] { page, link })
        {
            Assert.Equal("Rapport 2022", Docx.Blocks(DocxTemplate.Compile(docx).Render(Docx.Data(("annee", 2022))))[0]);
        }
    }

    public static TheoryData<string, string> Relationships() => new()
    {
        { "blip-link-vers-hyperlien-file", "La partie « /word/document.xml » fait référence à une ressource externe « file:///etc/passwd » (relation « rIdImage » de type hyperlink, utilisée par « a:blip r:link ») : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs." },
        { "blip-embed-vers-hyperlien-http", "La partie « /word/document.xml » fait référence à une ressource externe « http://attaquant.example/pixel.png » (relation « rIdImage » de type hyperlink, utilisée par « a:blip r:embed ») : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs." },
        { "vml-imagedata-vers-hyperlien-unc", "La partie « /word/document.xml » fait référence à une ressource externe « \\\\serveur\\partage\\logo.png » (relation « rIdImage » de type hyperlink, utilisée par « v:imagedata r:id ») : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs." },
        { "w-hyperlink-vers-file", "La partie « /word/document.xml » fait référence à une ressource externe « file:///C:/Windows/win.ini » (relation « rIdLien » de type hyperlink, utilisée par « w:hyperlink r:id ») : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs." },
        { "image-interne-hors-du-paquet", "La partie « /word/document.xml » fait référence à « ../../../../etc/passwd » (relation « rIdImage » de type image), hors du document : un modèle ne peut viser que ses propres parties ; enregistrez-le à nouveau depuis Word, le rapport ne doit rien charger d'ailleurs." },
    };

    [Theory]
    [MemberData(nameof(Relationships))]
    public void EveryRelationshipIsCheckedWhateverItsDeclaredType(string name, string message)
    {
        var docx = name switch
        {
            "blip-link-vers-hyperlien-file" => WithRelationship(WithPicture("r:link"), "rIdImage", "hyperlink", "file:///etc/passwd", external: true),
            "blip-embed-vers-hyperlien-http" => WithRelationship(WithPicture("r:embed"), "rIdImage", "hyperlink", "http://attaquant.example/pixel.png", external: true),
            "vml-imagedata-vers-hyperlien-unc" => WithRelationship(WithVmlPicture(), "rIdImage", "hyperlink", "\\\\serveur\\partage\\logo.png", external: true),
            "w-hyperlink-vers-file" => WithRelationship(WithHyperlink(), "rIdLien", "hyperlink", "file:///C:/Windows/win.ini", external: true),
            _ => WithRelationship(WithPicture("r:embed"), "rIdImage", "image", "../../../../etc/passwd", external: false),
        };

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        var first = error.Errors[0];
        Assert.Equal("modele-relation-externe", first.Code);
        Assert.Equal(message, first.Message);
        Assert.DoesNotContain(error.Errors.Skip(1), e => e.Code != "modele-invalide");
    }

    [Fact]
    public void HyperlinksToTheWebOrAMailboxUsedAsLinksAreKept()
    {
        foreach (var target in new[] { "https://www.legifrance.gouv.fr/", "http://www.ars.sante.fr/", "mailto:pmi@departement77.fr" })
        {
            var docx = WithRelationship(WithHyperlink(), "rIdLien", "hyperlink", target, external: true);

            var rendered = DocxTemplate.Compile(docx).Render(Docx.Data(("annee", 2022)));

            using var document = Docx.Open(rendered);
            Assert.Equal(target, document.MainDocumentPart!.HyperlinkRelationships.Single().Uri.OriginalString);
        }
    }

    [Fact]
    public void AMacroEnabledTemplateIsRefusedNamingItsCode()
    {
        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(WithVbaProject()));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("modele-macros", "partie « /word/document2.xml », application/vnd.ms-word.document.macroEnabled.main+xml"), (only.Code, only.Tag));
        Assert.Equal("Le modèle contient des macros ou du code (partie « /word/document2.xml », application/vnd.ms-word.document.macroEnabled.main+xml ; partie « /word/vbaProject.bin », application/vnd.ms-office.vbaProject) : enregistrez-le dans Word au format « Document Word (*.docx) », sans macros ; le rapport ne doit contenir aucun code.", only.Message);
    }

    [Fact]
    public void KeyBindingsOfADocumentThatIsNotMacroEnabledAreRefused()
    {
        var docx = HostileWorkbooks.WithInserted(
            HostileWorkbooks.WithEntry(Docx.Create(Docx.P("Rapport {{annee}}")), "word/customizations.xml", "<wne:tcg xmlns:wne=\"http://schemas.microsoft.com/office/word/2006/wordml\"/>"),
            "[Content_Types].xml",
            "</Types>",
            "<Override PartName=\"/word/customizations.xml\" ContentType=\"application/vnd.ms-word.keyMapCustomizations+xml\"/>");

        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(docx));

        Assert.Equal("Le modèle contient des macros ou du code (partie « /word/customizations.xml », application/vnd.ms-word.keyMapCustomizations+xml) : enregistrez-le dans Word au format « Document Word (*.docx) », sans macros ; le rapport ne doit contenir aucun code.", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void AMailMergeHoldingADataSourceIsRefusedAndOneWithoutIsKept()
    {
        var odbc = WithMailMerge("<w:mainDocumentType w:val=\"formLetters\"/><w:linkToQuery/><w:dataType w:val=\"native\"/><w:connectString w:val=\"DSN=Paie;UID=sa;PWD=secret\"/><w:query w:val=\"SELECT * FROM salaires\"/>");
        var odso = WithMailMerge("<w:mainDocumentType w:val=\"formLetters\"/><w:odso><w:udl w:val=\"Provider=Microsoft.ACE.OLEDB.12.0;Data Source=\\\\serveur\\paie.xlsx\"/><w:table w:val=\"Feuil1$\"/></w:odso>");
        var none = WithMailMerge("<w:mainDocumentType w:val=\"formLetters\"/>");

        var withOdbc = Assert.Single(Assert.Throws<TemplateException>(() => DocxTemplate.Compile(odbc)).Errors);
        var withOdso = Assert.Single(Assert.Throws<TemplateException>(() => DocxTemplate.Compile(odso)).Errors);

        Assert.Equal(("modele-publipostage", "w:connectString"), (withOdbc.Code, withOdbc.Tag));
        Assert.Equal("Le modèle est relié à une source de données de publipostage (« w:connectString », « w:query » dans la partie « /word/settings.xml ») que Word interroge à l'ouverture : dans Word, onglet Publipostage, Démarrer la fusion et le publipostage, choisissez « Document Word normal » puis enregistrez ; le rapport ne doit rien charger d'ailleurs.", withOdbc.Message);
        Assert.StartsWith("Le modèle est relié à une source de données de publipostage (« w:odso » dans la partie « /word/settings.xml »)", withOdso.Message, StringComparison.Ordinal);
        Assert.Equal("Rapport 2022", Docx.Blocks(DocxTemplate.Compile(none).Render(Docx.Data(("annee", 2022))))[0]);
    }

    [Fact]
    public async Task TheBuiltInTemplateAndAReportMadeWithItPassTheCheck()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.NotNull(report);
        Assert.NotEmpty(DocxTemplate.Compile(Pipeline.Reporting.DefaultReportTemplate.Bytes).Tags);
        Assert.Empty(DocxTemplate.Compile(report.Content).Tags);
    }

    [Fact]
    public async Task AnImageLinkedThroughAHyperlinkDroppedAsTheTemplateGetsAFrench422()
    {
        var template = WithRelationship(WithPicture("r:link"), "rIdImage", "hyperlink", "file:///etc/passwd", external: true);
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var dep = TestDepartements.Next().Code;
        await new Services(app.Storage).DropAndIngestAsync(dep, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await app.Storage.Templates.GetBlobClient($"{dep}/rapport-execution.docx").UploadAsync(new BinaryData(template), overwrite: true);

        var response = await app.Client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("modele-relation-externe", problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("fait référence à une ressource externe « file:///etc/passwd » (relation « rIdImage » de type hyperlink, utilisée par « a:blip r:link »)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
