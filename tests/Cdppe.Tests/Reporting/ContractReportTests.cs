using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Tests.Reporting;

/// <summary>
/// The report of a year follows the contract in force in that year: for the avenant years, the plan is the State's
/// annexe 2.1 (seed 002, Haut-Rhin), by engagement, objective and action. Expected figures are seed 002's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContractReportTests(AzuriteFixture azurite)
{
    private const string Dash = "—";

    private static string E(decimal value) => FrenchFormat.Euros(value).Replace('\u00A0', ' ');

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => PrintedText.Plain(Docx.Text(p))).ToList();

    /// <summary>The rows of the annexe table (12 cells), each cell's paragraphs joined with ¶, no-break spaces as spaces.</summary>
    private static List<List<string>> AnnexeRows(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => PrintedText.Plain(string.Join("¶", c.Elements<Paragraph>().Select(Docx.Text)))).ToList())
            .Where(r => r.Count == 12 && r[0] is not ("Sous-total" or "Total") || r.Count == 11 && r[1].StartsWith("Sous-total", StringComparison.Ordinal) || r.Count == 11 && r[1] == "Total")
            .ToList();

    private async Task<(Services Services, Departement Dep)> AnnexeOnlyAsync(bool rapportFinancier)
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2024, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2023.xlsx", SampleWorkbooks.Annexe21SeedLayout());
        if (rapportFinancier)
        {
            await services.DropAndIngestAsync(dep.Code, "rapport-financier-2023.xlsx", SampleWorkbooks.RapportFinancierActions2023());
        }

        return (services, dep);
    }

    [Fact]
    public async Task ReportOf2023NamesTheAvenantAndShowsEveryObjectivesPlanned2023AmountsAndTheirTotal()
    {
        var (services, dep) = await AnnexeOnlyAsync(rapportFinancier: false);

        var report = await services.Reports.GenerateAsync(dep, 2023);

        Assert.NotNull(report);
        Assert.Empty(Docx.Errors(report.Content));
        using var document = Docx.Open(report.Content);
        var paragraphs = Paragraphs(document);
        Assert.Contains("Avenant 2023-2024 au contrat départemental de prévention et de protection de l'enfance (CDPPE)", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Le présent document constitue le rapport d'exécution pour l'année 2023 de l'avenant au contrat départemental de prévention et de protection de l'enfance conclu pour la période 2023-2024 entre", StringComparison.Ordinal));
        var footer = string.Concat(document.MainDocumentPart!.FooterParts.SelectMany(f => f.Footer!.Descendants<Paragraph>()).Select(Docx.Text));
        Assert.StartsWith($"CDPPE – Avenant 2023-2024 – {ReferenceData.DepartementName(dep)} – Rapport d'exécution 2023", footer, StringComparison.Ordinal);
        Assert.DoesNotContain(Docx.Blocks(report.Content), b => b.Contains("2020-2023", StringComparison.Ordinal) || b.Contains("Aucune donnée financière", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Plan d'action 2023 de l'avenant 2023-2024 : Annexe 2.1 2023 (et financements 2024), fichier plan-action-2023.xlsx, feuille « Plan d'action »", StringComparison.Ordinal));

        var rows = AnnexeRows(document);
        Assert.Equal(16, rows.Count(r => r.Count == 12 && r[3] is "FIR" or "304" or "ONDAM"));
        var o1 = rows.Single(r => r[0] == "1");
        Assert.Equal(["Action 1 : Atteindre un taux de couverture par la PMI d'au moins 20% des Entretiens Prénatals Précoces", "FIR", "0 €", "119 622 €", "119 622 €", string.Empty, "119 622 €", Dash, Dash, Dash], o1.Skip(2));
        var o9 = rows.Single(r => r[0] == "9");
        Assert.Equal(["ONDAM", "182 000 €", "464 300 €", "646 300 €"], o9.Skip(3).Take(4));
        Assert.Equal(
            "Action 9-1 : Création, par renforcement du PCPE, d'une équipe d'appui aux professionnels de l'ASE¶Action 9-2 : Création à l'IME Saint-André de Cernay et à l'IME Saint-Joseph de Colmar, d'une unité de vie ouverte toute l'année et dédiée aux enfants confiés en situation de handicap",
            o9[2]);

        // Objective 19 goes on over two more lines (actions 14-2 and 14-3) without repeating its number.
        var o19 = rows.SkipWhile(r => r[0] != "19").Take(3).ToList();
        Assert.Equal([string.Empty, string.Empty], o19.Skip(1).Select(r => r[0]));
        Assert.Equal(["387 000 €", "0 €", "996 866 €"], o19.Select(r => r[6]));
        Assert.Equal("1500 € en report de crédits 2022 (BOP 304)", rows.Single(r => r[0] == "10")[7]);

        // Sub-totals and total recomputed: Département, État, total, other funding.
        var subTotals = rows.Where(r => r[1].StartsWith("Sous-total", StringComparison.Ordinal)).Select(r => (r[1], r[3], r[4], r[5], r[6])).ToList();
        Assert.Equal(
            [
                ("Sous-total Engagement 1", "0 €", "550 360 €", "550 360 €", "0 €"),
                ("Sous-total Engagement 2", "1 178 866 €", "1 537 411 €", "2 716 277 €", "0 €"),
                ("Sous-total Engagement 3", "0 €", "0 €", "0 €", "1 500 €"),
                ("Sous-total Engagement 4", "0 €", "25 031 €", "25 031 €", "0 €"),
                ("Sous-total Conditions pour y parvenir", "0 €", "0 €", "0 €", "0 €"),
            ],
            subTotals);
        var total = rows.Single(r => r[1] == "Total");
        Assert.Equal(["1 178 866 €", "2 112 802 €", "3 291 668 €", "1 500 €", "2 456 191 €", Dash, Dash, Dash], total.Skip(3));
        Assert.Contains(Docx.Blocks(report.Content), b => b.Contains("aucun rapport financier 2023 n'a été déposé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAvenantReportIsShapedByTheAnnexeItsSynthesisObjectivesAndWordingComeFromIt()
    {
        var (services, dep) = await AnnexeOnlyAsync(rapportFinancier: false);

        var report = await services.Reports.GenerateAsync(dep, 2023);

        Assert.Empty(Docx.Errors(report!.Content));
        using var document = Docx.Open(report.Content);
        var paragraphs = Paragraphs(document);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => PrintedText.Plain(string.Join("¶", c.Elements<Paragraph>().Select(Docx.Text)))).ToList())
            .ToList();

        // No fiche section, no fiche count: the plan of the year has objectives and actions.
        Assert.DoesNotContain("Bilan des fiches actions", paragraphs);
        Assert.DoesNotContain(rows, r => r.Count == 2 && r[0] == "Fiches actions");
        Assert.Contains(paragraphs, p => p.StartsWith("L'avenant est mis en œuvre au moyen des actions de l'annexe 2.1", StringComparison.Ordinal));
        Assert.Contains(["Financements 2024 prévus par l'annexe de 2023", "2 456 191 €"], rows);

        // The synthesis per engagement, computed from the annexe.
        Assert.Contains("Synthèse par engagement", paragraphs);
        Assert.Contains(["Financements prévus 2023 (Département / État)", "2 716 277 € (1 178 866 € / 1 537 411 €)"], rows);
        Assert.Contains(rows, r => r is ["Objectifs et actions 2023", var text] && text.StartsWith("objectifs 6, 7, 8, 9, 19 et 21 ;", StringComparison.Ordinal));

        // The national objectives: the optional ones the annexe plans are retained, the wording is the avenant's.
        Assert.Contains("Le Département s'est engagé dans les objectifs facultatifs suivants : 19, 21 et 25.", paragraphs.Select(p => p.Split(". ", 2)[^1]));
        Assert.Contains(rows, r => r.Count == 5 && r[0] == "19" && r[2] == "facultatif, retenu");
        Assert.Contains(rows, r => r.Count == 5 && r[0] == "12" && r[2] == "facultatif, non retenu" && r[4] == "—");
        Assert.Contains(rows, r => r is ["N°", "Objectif national", "Nature", "Engagement", "Actions 2023"]);
        Assert.StartsWith("Atteindre à horizon 2024 un taux de couverture", rows.Single(r => r.Count == 5 && r[0] == "1")[1], StringComparison.Ordinal);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains("horizon 2022", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTheRapportFinancierOf2023EachActionShowsWhatItConsumedAndEachLineWhatItDidNot()
    {
        var (services, dep) = await AnnexeOnlyAsync(rapportFinancier: true);

        var report = await services.Reports.GenerateAsync(dep, 2023);

        Assert.Empty(Docx.Errors(report!.Content));
        using var document = Docx.Open(report.Content);
        var rows = AnnexeRows(document);
        var o9 = rows.Single(r => r[0] == "9");
        Assert.Equal(
            "Action 9-1 : Création, par renforcement du PCPE, d'une équipe d'appui aux professionnels de l'ASE (consommé : 300 000 €)¶Action 9-2 : Création à l'IME Saint-André de Cernay et à l'IME Saint-Joseph de Colmar, d'une unité de vie ouverte toute l'année et dédiée aux enfants confiés en situation de handicap (consommé : 182 000 €)",
            o9[2]);
        Assert.Equal(["646 300 €", string.Empty, "464 300 €", "482 000 €", "164 300 €", "74,6 %"], o9.Skip(6));
        var o19 = rows.SkipWhile(r => r[0] != "19").Take(3).Select(r => (r[9], r[10], r[11])).ToList();
        Assert.Equal([("387 000 €", "0 €", "100,0 %"), ("0 €", "0 €", Dash), ("850 000 €", "146 866 €", "85,3 %")], o19);
        var e1 = rows.Single(r => r[1] == "Sous-total Engagement 1");
        Assert.Equal(["503 566 €", "46 794 €", "91,5 %"], e1.Skip(8));
        var total = rows.Single(r => r[1] == "Total");
        Assert.Equal(["3 291 668 €", "1 500 €", "2 456 191 €", "2 735 097 €", "556 571 €", "83,1 %"], total.Skip(5));

        // Key figures of the synthesis, and the chart by engagement.
        var keyFigures = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => PrintedText.Plain(Docx.Text(c.Elements<Paragraph>().First()))).ToList()).Where(r => r.Count == 2).ToList();
        Assert.Contains(["Financements prévus 2023 (annexe 2.1)", "3 291 668 €"], keyFigures);
        Assert.Contains(["Consommé en 2023", "2 735 097 € (83,1 %)"], keyFigures);
        Assert.Contains(document.MainDocumentPart.ChartParts, c => c.ChartSpace.InnerText.Contains("Financements prévus 2023", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportOf2024UsesTheAnnexeOf2024OrElseThe2024FundingOfTheAnnexeOf2023()
    {
        var (services, dep) = await AnnexeOnlyAsync(rapportFinancier: false);

        var forecast = await services.Reports.GenerateAsync(dep, 2024);
        await services.DropAndIngestAsync(dep.Code, "plan-action-2024.xlsx", SampleWorkbooks.Annexe21(SeedData.Annexe21Of2024));
        var own = await services.Reports.GenerateAsync(dep, 2024);

        foreach (var report in new[] { forecast!, own! })
        {
            Assert.Empty(Docx.Errors(report.Content));
            using var document = Docx.Open(report.Content);
            var rows = AnnexeRows(document);
            Assert.Equal([Dash, Dash, "2 456 191 €"], rows.Single(r => r[1] == "Total").Skip(3).Take(3));
            Assert.Equal("100 000 €", rows.Single(r => r[0] == "6")[6]);
            Assert.Contains("Avenant 2023-2024 au contrat départemental de prévention et de protection de l'enfance (CDPPE)", Paragraphs(document));
        }

        Assert.Contains(Docx.Blocks(forecast!.Content).Select(PrintedText.Plain), b => b.StartsWith("Aucune annexe 2.1 de 2024 n'a été déposée : les montants sont les financements 2024 prévus par l'annexe de 2023", StringComparison.Ordinal));
        Assert.DoesNotContain(Docx.Blocks(own!.Content), b => b.StartsWith("Aucune annexe 2.1 de 2024", StringComparison.Ordinal));
        Assert.Contains(Docx.Blocks(own.Content), b => b.Contains("Annexe 2.1 2024, fichier plan-action-2024.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheContractsReportStaysAsItWasAndTheAvenantsReportLeavesItsFichesAndIndicatorsOut()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2024, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep.Code);
        await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21());

        var of2022 = await services.Reports.GenerateAsync(dep, 2022);
        var of2023 = await services.Reports.GenerateAsync(dep, 2023);

        using (var document = Docx.Open(of2022!.Content))
        {
            var paragraphs = Paragraphs(document);
            Assert.Contains("Contrat départemental de prévention et de protection de l'enfance (CDPPE) 2020-2022", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("du contrat départemental de prévention et de protection de l'enfance conclu pour la période 2020-2022 entre", StringComparison.Ordinal));
            Assert.Equal(41, paragraphs.Count(p => p.StartsWith("Fiche action ", StringComparison.Ordinal) && p.Contains(" – ", StringComparison.Ordinal)));
            Assert.Contains(document.MainDocumentPart!.Document.Body!.Descendants<TableRow>(), r => r.Elements<TableCell>().Count() == 11 && Docx.Text(r.Elements<TableCell>().ElementAt(1).Elements<Paragraph>().First()).Replace('\u00A0', ' ') == "31 117 173 €");
            Assert.Empty(AnnexeRows(document));
        }

        using (var document = Docx.Open(of2023!.Content))
        {
            var paragraphs = Paragraphs(document);
            Assert.Equal(0, paragraphs.Count(p => p.StartsWith("Fiche action ", StringComparison.Ordinal) && p.Contains(" – ", StringComparison.Ordinal)));
            Assert.Contains("Le plan de 2023 (Avenant 2023-2024) est organisé par objectif et par action, sans fiche action : ses actions et leur exécution figurent au rapport financier.", paragraphs);
            Assert.Contains("Aucun indicateur n'a été importé pour 2023 (plan d'action, tableau de bord ou suivi mensuel).", paragraphs);
            Assert.Equal("3 291 668 €", AnnexeRows(document).Single(r => r[1] == "Total")[5]);
        }

        var model = await services.Reports.LoadAsync(dep, 2023);
        Assert.Equal(("Avenant 2023-2024", 2023), (model.Period.Name, model.PeriodStart));
        Assert.Equal("Contrat 2020-2022", (await services.Reports.LoadAsync(dep, 2022)).Period.Name);
    }
}
