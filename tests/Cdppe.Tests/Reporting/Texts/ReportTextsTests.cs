using System.Diagnostics;
using System.Xml.Linq;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Texts;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static Cdppe.Tests.Reporting.Texts.ReportEdits;

namespace Cdppe.Tests.Reporting.Texts;

/// <summary>
/// What people write in the report survives regenerations: the generated report edited as a user does (in Word, or
/// in a copy converted by LibreOffice), uploaded, the data corrected, the report generated again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportTextsTests(AzuriteFixture azurite)
{
    private const string Author = "Service ASE";

    private static readonly Dictionary<string, XElement[]> Typed = new(StringComparer.Ordinal)
    {
        ["introduction"] = [P(R("La cyberattaque de "), R("novembre 2022", bold: true), R(" a privé les services d'un mois de saisie."))],
        ["synthese-engagement-1"] =
        [
            P(R("Faits marquants de l'engagement :")),
            Bullet(R("ouverture de deux "), R("centres de périnatalité", bold: true)),
            Bullet(R("entretiens prénataux en hausse")),
        ],
        ["fiche-9"] = [P(R("Le partenariat a été suivi chaque trimestre.", italic: true), Break(), R("La convention est "), R("renouvelée", underline: true), R("."))],
    };

    private async Task<(Services Services, Departement Dep, byte[] Report)> GeneratedAsync()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep.Code);
        var report = await services.Reports.GenerateAsync(dep, 2022);
        return (services, dep, report!.Content);
    }

    [Fact]
    public async Task TextsTypedInWordComeBackWithTheirFormattingAfterACorrectedRapportFinancier()
    {
        var (services, dep, report) = await GeneratedAsync();
        Assert.NotNull(Control(report, "introduction").Element(W + "sdtPr")!.Element(W + "showingPlcHdr"));

        var outcome = await services.Get<ReportTexts>().UploadAsync(dep, 2022, Fill(report, Typed), "rapport-complete.docx", Author);

        Assert.Null(outcome.Message);
        Assert.Equal(["fiche-9", "introduction", "synthese-engagement-1"], outcome.Value!.Changed.Order(StringComparer.Ordinal));
        Assert.Empty(outcome.Value.Warnings);
        await AssertKeptAfterCorrectionAsync(services, dep);
    }

    [LibreOfficeFact]
    public async Task TextsOfACopySavedByLibreOfficeComeBackWithTheirFormatting()
    {
        var (services, dep, report) = await GeneratedAsync();
        var converted = await ThroughLibreOfficeAsync(Fill(report, Typed));
        Assert.DoesNotContain("w:tag", await PartTextAsync(converted), StringComparison.Ordinal);

        var texts = services.Get<ReportTexts>();
        var outcome = await texts.UploadAsync(dep, 2022, converted, "rapport-libreoffice.docx", Author);

        // LibreOffice 7.4 moves the section break after the last engagement's synthesis and after the dashboard's
        // comment into their controls, with the headings after it: both places are untouched all the same.
        Assert.Null(outcome.Message);
        Assert.Equal(["introduction", "synthese-engagement-1", "fiche-9"], outcome.Value!.Changed);
        Assert.Empty(outcome.Value.Warnings);
        Assert.Equal("3 textes conservés : ils seront repris à chaque génération du rapport.", outcome.Value.Message);
        await AssertKeptAfterCorrectionAsync(services, dep);

        // The report generated with the texts, saved by LibreOffice without a change: nothing is kept again.
        var regenerated = (await services.Reports.GenerateAsync(dep, 2022))!.Content;
        var untouched = await texts.UploadAsync(dep, 2022, await ThroughLibreOfficeAsync(regenerated), "rapport-relu.docx", "Relecteur");

        Assert.Empty(untouched.Value!.Changed);
        Assert.Empty(untouched.Value.Warnings);
        Assert.Equal("Aucun texte n'a changé dans les 50 zones du rapport déposé.", untouched.Value.Message);
        Assert.Equal(3, (await texts.HistoryAsync(dep, 2022)).Count);
        Assert.All((await texts.PlacesAsync(dep, 2022)).Where(p => p.LastChange is not null), p => Assert.Equal(Author, p.LastChange!.Author));
    }

    [LibreOfficeFact]
    public async Task AnUntouchedCopySavedByLibreOfficeKeepsNothing()
    {
        var (services, dep, report) = await GeneratedAsync();

        var outcome = await services.Get<ReportTexts>().UploadAsync(dep, 2022, await ThroughLibreOfficeAsync(report), "rapport-libreoffice.docx", Author);

        Assert.Empty(outcome.Value!.Changed);
        Assert.Empty(outcome.Value.Warnings);
        Assert.Equal("Aucun texte n'a changé dans les 50 zones du rapport déposé.", outcome.Value.Message);
        Assert.Equal(string.Empty, outcome.Value.UploadId);
        Assert.Empty(await services.Get<ReportTexts>().HistoryAsync(dep, 2022));
    }

    [Fact]
    public async Task AControlThatLostItsNameIsFoundAtItsPositionOrNamedInAWarning()
    {
        var (services, dep, report) = await GeneratedAsync();
        var texts = services.Get<ReportTexts>();
        var anonymous = Anonymize(Fill(report, Typed), "fiche-9", "Zone sans nom");

        var byPosition = await texts.UploadAsync(dep, 2022, anonymous, "rapport.docx", Author);
        var lost = await texts.UploadAsync(dep, 2022, AddControl(Anonymize(Fill(report, new Dictionary<string, XElement[]> { ["fiche-9"] = [P(R("Texte de la fiche 9 revu."))] }), "fiche-9", "Zone sans nom")), "rapport-2.docx", Author);

        Assert.Equal(["introduction", "synthese-engagement-1", "fiche-9"], byPosition.Value!.Changed);
        Assert.Empty(byPosition.Value.Warnings);
        Assert.Empty(lost.Value!.Changed);
        Assert.Equal(
            [
                "La zone « Commentaire – fiche 9 » n'est plus dans le document déposé : le texte conservé pour elle reste celui d'avant.",
                "1 paragraphe saisi hors des zones de texte ne sera pas conservé : « Texte de la fiche 9 revu. »",
            ],
            lost.Value.Warnings.Select(w => w.Replace('\u00A0', ' ')));
        var kept = (await texts.PlacesAsync(dep, 2022)).Single(p => p.Name == "fiche-9");
        Assert.Equal(("rapport.docx", 1), (kept.LastChange!.FileName, kept.Versions));
    }

    private static async Task AssertKeptAfterCorrectionAsync(Services services, Departement dep)
    {
        var corrected = SeedData.RapportFinancier2022.Select(r => r.Fiche == 9 ? r with { ConsommeEn2022 = 120_000, Consomme20202022 = 772_654 } : r).ToList();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022-corrige.xlsx", SampleWorkbooks.RapportFinancier2022(corrected));

        var again = (await services.Reports.GenerateAsync(dep, 2022))!.Content;

        Assert.Contains("772 654 €", BodyText(again), StringComparison.Ordinal);
        var introduction = Control(again, "introduction");
        Assert.Null(introduction.Element(W + "sdtPr")!.Element(W + "showingPlcHdr"));
        Assert.Equal("La cyberattaque de novembre 2022 a privé les services d'un mois de saisie.", Text(introduction.Descendants(W + "p").Single()));
        Assert.Equal(["novembre 2022"], Runs(introduction, "b"));

        var synthesis = Control(again, "synthese-engagement-1").Descendants(W + "p").ToList();
        Assert.Equal(["Faits marquants de l'engagement :", "ouverture de deux centres de périnatalité", "entretiens prénataux en hausse"], synthesis.Select(Text));
        Assert.Equal([null, "bullet", "bullet"], synthesis.Select(p => p.Element(W + "pPr")?.Element(W + "numPr") is null ? null : ListFormat(again, p)));
        Assert.Equal(["centres de périnatalité"], Runs(Control(again, "synthese-engagement-1"), "b"));

        var fiche = Control(again, "fiche-9");
        Assert.Equal("Le partenariat a été suivi chaque trimestre.\nLa convention est renouvelée.", Text(fiche.Descendants(W + "p").Single()));
        Assert.Equal(["Le partenariat a été suivi chaque trimestre."], Runs(fiche, "i"));
        Assert.Equal(["renouvelée"], Runs(fiche, "u"));

        // A place nobody wrote in still shows its help text.
        Assert.NotNull(Control(again, "commentaire-financier").Element(W + "sdtPr")!.Element(W + "showingPlcHdr"));
        using var document = WordprocessingDocument.Open(new MemoryStream(again), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
    }

    [Fact]
    public async Task TextTypedOutsideThePlacesIsAWarningQuotingIt()
    {
        var (services, dep, report) = await GeneratedAsync();
        var edited = TypeBefore(Fill(report, Typed), "commentaire-financier", "Ce paragraphe a été ajouté hors des zones.");

        var outcome = await services.Get<ReportTexts>().UploadAsync(dep, 2022, edited, "rapport.docx", Author);

        Assert.Equal(3, outcome.Value!.Changed.Count);
        Assert.Equal(["1 paragraphe saisi hors des zones de texte ne sera pas conservé : « Ce paragraphe a été ajouté hors des zones. »"], outcome.Value.Warnings);
    }

    [Fact]
    public async Task HostileUploadsAreRefusedInFrenchAndKeepNothing()
    {
        var (services, dep, report) = await GeneratedAsync();
        var texts = services.Get<ReportTexts>();
        var filled = Fill(report, Typed);

        var image = await texts.UploadAsync(dep, 2022, ExternalImage(filled, "introduction"), "image.docx", Author);
        var field = await texts.UploadAsync(dep, 2022, AddToPlace(filled, "introduction", new XElement(W + "fldSimple", new XAttribute(W + "instr", " INCLUDETEXT \"http://example.org/a.docx\" "), R("x"))), "champ.docx", Author);
        var huge = await texts.UploadAsync(dep, 2022, Fill(report, new Dictionary<string, XElement[]> { ["introduction"] = [P(R(new string('a', 60_000)))] }), "enorme.docx", Author);
        var notWord = await texts.UploadAsync(dep, 2022, "pas un document"u8.ToArray(), "texte.docx", Author);

        Assert.Equal(Refusal.Invalid, image.Refused);
        Assert.StartsWith("Le rapport déposé contient des éléments refusés ; aucun texte n'a été conservé : ", image.Message, StringComparison.Ordinal);
        Assert.Contains("http://example.org/image.png", image.Message, StringComparison.Ordinal);
        Assert.Equal(Refusal.Invalid, field.Refused);
        Assert.Contains("INCLUDETEXT", field.Message, StringComparison.Ordinal);
        Assert.Equal(Refusal.TooLarge, huge.Refused);
        Assert.Equal("Le texte de la zone « Introduction : contexte de l'année » compte 60 000 caractères : la limite est de 50 000 par zone ; aucun texte n'a été conservé.", huge.Message!.Replace('\u00A0', ' '));
        Assert.Equal(TextMessages.NotAWordDocument, notWord.Message);
        Assert.Empty(await texts.HistoryAsync(dep, 2022));
    }

    [Fact]
    public async Task ALaterUploadSupersedesItsPlacesAndTheHistoryStays()
    {
        var (services, dep, report) = await GeneratedAsync();
        var texts = services.Get<ReportTexts>();
        await texts.UploadAsync(dep, 2022, Fill(report, Typed), "premier.docx", Author);
        var second = (await services.Reports.GenerateAsync(dep, 2022))!.Content;

        var outcome = await texts.UploadAsync(dep, 2022, Fill(second, new Dictionary<string, XElement[]> { ["introduction"] = [P(R("Introduction revue."))] }), "second.docx", "Direction");
        var edited = await texts.EditAsync(dep, 2022, "commentaire-qualite", "Octobre manque à cause de la cyberattaque.", "Portail");

        Assert.Equal(["introduction"], outcome.Value!.Changed);
        Assert.Equal("Octobre manque à cause de la cyberattaque.", edited.Value!.Excerpt);
        var places = (await texts.PlacesAsync(dep, 2022)).ToDictionary(p => p.Name);
        Assert.Equal(("Direction", "second.docx", 2), (places["introduction"].LastChange!.Author, places["introduction"].LastChange!.FileName, places["introduction"].Versions));
        Assert.Equal((Author, 1), (places["fiche-9"].LastChange!.Author, places["fiche-9"].Versions));
        Assert.Equal(("Portail", ReportTexts.PortalSource), (places["commentaire-qualite"].LastChange!.Author, places["commentaire-qualite"].LastChange!.FileName));
        var third = (await services.Reports.GenerateAsync(dep, 2022))!.Content;
        Assert.Equal("Introduction revue.", Text(Control(third, "introduction").Descendants(W + "p").Single()));
        Assert.Equal("Le partenariat a été suivi chaque trimestre.\nLa convention est renouvelée.", Text(Control(third, "fiche-9").Descendants(W + "p").Single()));
        Assert.Equal("Octobre manque à cause de la cyberattaque.", Text(Control(third, "commentaire-qualite").Descendants(W + "p").Single()));
        Assert.Equal(5, (await texts.HistoryAsync(dep, 2022)).Count);
    }

    [Fact]
    public async Task EveryGeneratedReportIsKeptByteForByteWithWhatItWasMadeFrom()
    {
        var (services, dep, first) = await GeneratedAsync();
        var versions = services.Get<ReportVersions>();
        await services.Get<ReportTexts>().UploadAsync(dep, 2022, Fill(first, Typed), "rapport.docx", Author);
        var second = await services.Reports.GenerateAsync(dep, 2022);

        var list = await versions.ListAsync(dep, 2022);

        Assert.Equal(2, list.Count);
        Assert.Equal(second!.Version!.Id, list[0].Id);
        Assert.Equal(string.Empty, list[1].TextsVersion);
        Assert.NotEqual(string.Empty, list[0].TextsVersion);
        Assert.Equal(list[0].DataVersion, list[1].DataVersion);
        Assert.Equal(16, list[0].DataVersion.Length);
        Assert.Equal(BuiltIn, list[0].Template);
        Assert.Contains(list[0].Places, p => p.Name == "synthese-engagement-1");
        Assert.Equal(first, (await versions.DownloadAsync(dep, 2022, list[1].Id)).Value!.Content);
        Assert.Equal(second.Content, (await versions.DownloadAsync(dep, 2022, list[0].Id)).Value!.Content);
        Assert.Equal(Refusal.NotFound, (await versions.DownloadAsync(dep, 2022, "20990101T000000000Z-000000")).Refused);
    }

    private const string BuiltIn = AnnualReportService.BuiltInSource;

    private static string Text(XElement paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e.Name == W + "t" ? e.Value : e.Name == W + "br" ? "\n" : string.Empty));

    /// <summary>The texts of the runs with a property (b, i, u), adjacent runs joined.</summary>
    private static List<string> Runs(XElement control, string property) =>
        control.Descendants(W + "r").Where(r => r.Element(W + "rPr")?.Element(W + property) is { } p && p.Attribute(W + "val")?.Value is null or "true" or "1" or "single")
            .Select(r => string.Concat(r.Elements(W + "t").Select(t => t.Value))).Where(t => t.Length > 0).ToList();

    private static async Task<byte[]> ThroughLibreOfficeAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("cdppe-texts-").FullName;
        try
        {
            var source = Path.Combine(folder, "edite.docx");
            await File.WriteAllBytesAsync(source, docx);
            var outFolder = Path.Combine(folder, "out");
            using var process = Process.Start(new ProcessStartInfo(ExternalTools.Find("soffice") ?? "soffice", $"-env:UserInstallation=file://{folder}/profile --headless --convert-to docx --outdir {outFolder} {source}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return await File.ReadAllBytesAsync(Path.Combine(outFolder, "edite.docx"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> PartTextAsync(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var reader = new StreamReader(document.MainDocumentPart!.GetStream());
        return await reader.ReadToEndAsync();
    }
}
