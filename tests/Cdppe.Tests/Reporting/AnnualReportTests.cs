using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit.Abstractions;

namespace Cdppe.Tests.Reporting;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualReportTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const char Nbsp = '\u00A0';

    private static string Euros(decimal value) => FrenchFormat.Euros(value);

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(Docx.Text).ToList();

    private static List<List<string>> Rows(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => string.Join("¶", c.Elements<Paragraph>().Select(Docx.Text))).ToList()).ToList();

    private async Task<(Services Services, Departement Dep)> SeededAsync(bool monthly = true, bool fiches = true)
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        if (monthly)
        {
            await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
            await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        }

        if (fiches)
        {
            await services.DropPlansAsync(dep.Code);
        }

        return (services, dep);
    }

    [Fact]
    public async Task ReportOf41FichesReproducesThePublishedFiguresAndIsValid()
    {
        var (services, dep) = await SeededAsync();

        var cache = new DocxTemplateCache();
        var reports = new AnnualReportService(services.Get<ReportInputsReader>(), services.Get<Pipeline.Storage.ReportFileStore>(), cache, services.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AnnualReportService>.Instance);
        var report = await reports.GenerateAsync(dep, 2022);
        var warm = await reports.GenerateAsync(dep, 2022);

        Assert.NotNull(report);
        Assert.NotNull(warm);
        output.WriteLine($"41-fiche report: {report.Content.Length} bytes; compile + render {report.RenderTime.TotalMilliseconds:F0} ms, then render alone {warm.RenderTime.TotalMilliseconds:F0} ms");
        if (Environment.GetEnvironmentVariable("CDPPE_REPORT_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, report.FileName), report.Content);
        }

        Assert.Equal($"rapport-execution-{dep.Code}-2022.docx", report.FileName);
        Assert.Equal(AnnualReportService.BuiltInSource, report.TemplateSource);
        Assert.Empty(Docx.Errors(report.Content));
        using var document = Docx.Open(report.Content);
        var rows = Rows(document);

        // Rapport financier: every line, five recomputed sub-totals and the total of seed 003.
        var fiche1 = rows.Single(r => r.Count == 12 && r[2] == "1");
        Assert.Equal(["839 727 €", "487 908 €", "351 819 €", "0 €", "0 €", "FIR", "223 852 €", "213 905 €", "437 757 €"], fiche1.Skip(3).Select(c => c.Replace(Nbsp, ' ')));
        var subTotals = rows.Where(r => r.Count == 12 && r[2] == "Sous-total").Select(r => r[3]).ToList();
        Assert.Equal([Euros(8_677_102), Euros(15_152_180), Euros(330_000), Euros(2_565_742), Euros(4_392_149)], subTotals);
        var total = rows.Single(r => r.Count == 12 && r[2] == "Total");
        Assert.Equal(Euros(31_117_173), total[3]);
        Assert.Equal(Euros(21_252_748), total[11]);
        foreach (var line in SeedData.RapportFinancier2022.Where(l => l.Ligne == "fiche" && l.Fiche is not null))
        {
            var row = rows.Single(r => r.Count == 12 && r[2] == line.Fiche!.Value.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(
                new[] { line.BudgetGlobal, line.Departement, line.Fir, line.Etat, line.Ondam }.Select(v => Euros(v ?? 0)).Append(line.Modalite ?? string.Empty)
                    .Concat(new[] { line.ConsommeAu31122021, line.ConsommeEn2022, line.Consomme20202022 }.Select(v => Euros(v ?? 0))),
                row.Skip(3));
        }

        // Sub-totals: the planned columns as printed in seed 003; every column the sum of its lines (the printed
        // consumed sub-totals that are 1 € off are flagged in the annex, not copied).
        var printed = SeedData.RapportFinancier2022.Where(l => l.Ligne == "sous-total").ToList();
        var subTotalRows = rows.Where(r => r.Count == 12 && r[2] == "Sous-total").ToList();
        for (var e = 0; e < printed.Count; e++)
        {
            Assert.Equal(new[] { printed[e].BudgetGlobal, printed[e].Departement, printed[e].Fir, printed[e].Etat, printed[e].Ondam }.Select(v => Euros(v ?? 0)), subTotalRows[e].Skip(3).Take(5));
        }

        // One bilan per fiche, with the consumed value, its percentage of the budget and the non-consumed value.
        var paragraphs = Paragraphs(document);
        Assert.Equal(41, paragraphs.Count(p => p.StartsWith("Fiche action ", StringComparison.Ordinal) && p.Contains(" – ", StringComparison.Ordinal)));
        Assert.Contains($"Montant consommé en valeur et % du total prévu : 437{Nbsp}757{Nbsp}€ (52,1{Nbsp}%)", paragraphs);
        Assert.Contains($"Montant non consommé en valeur : 401{Nbsp}970{Nbsp}€", paragraphs);
        foreach (var line in SeedData.RapportFinancier2022.Where(l => l.Ligne == "fiche" && l.Fiche is not null))
        {
            var budget = line.BudgetGlobal ?? 0;
            var consumed = line.Consomme20202022 ?? 0;
            var expected = $"Montant consommé en valeur et % du total prévu : {Euros(consumed)}" + (budget > 0 ? $" ({FrenchFormat.Percent(consumed / budget)})" : " (aucun budget prévu)");
            Assert.Contains(expected, paragraphs);
            Assert.Contains($"Montant non consommé en valeur : {Euros(Math.Max(0, budget - consumed))}", paragraphs);
        }

        // Where the published report is wrong, ours is right and the annex says why.
        Assert.Contains($"Montant consommé en valeur et % du total prévu : 766{Nbsp}539{Nbsp}€ (41,1{Nbsp}%)", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("– Fiche 9 : la fiche indique un total prévu de 1" + Nbsp + "886" + Nbsp + "914" + Nbsp + "€", StringComparison.Ordinal) && p.Contains("40,6", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("– Fiche 40 : le consommé", StringComparison.Ordinal) && p.Contains($"de 454{Nbsp}€", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("– Fiche 39 : 18" + Nbsp + "000", StringComparison.Ordinal));
        Assert.Contains($"Montant consommé en valeur et % du total prévu : 18{Nbsp}000{Nbsp}€ (aucun budget prévu)", paragraphs);
        Assert.Contains($"Dépassement du budget prévu : 454{Nbsp}€", paragraphs);

        // Native charts: the budget per engagement and indicator trajectories, each with its embedded workbook.
        var charts = document.MainDocumentPart!.ChartParts.ToList();
        Assert.True(charts.Count > 10, $"{charts.Count} charts");
        Assert.All(charts, c => Assert.NotNull(c.EmbeddedPackagePart));
        Assert.Contains(charts, c => c.ChartSpace.InnerText.Contains("Budget prévu", StringComparison.Ordinal) && c.ChartSpace.InnerText.Contains("Engagement 2", StringComparison.Ordinal));
        Assert.True(await services.Storage.Reports.GetBlobClient($"{dep.Code}/{report.FileName}").ExistsAsync());
    }

    [Fact]
    public async Task DataQualityAnnexListsMissingMonthsUnreliableValuesAndEveryCrossCheckWithItsCell()
    {
        var (services, dep) = await SeededAsync();

        var model = await services.Reports.LoadAsync(dep, 2022);
        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.Equal([10], model.Quality.Gaps.Select(g => g.Month.Month));
        Assert.NotEmpty(model.Quality.Unreliable);
        Assert.All(model.Quality.Unreliable, u => Assert.Equal(new YearMonth(2022, 7), u.Months[0]));
        var warnings = model.Quality.Warnings;
        Assert.NotEmpty(warnings);
        Assert.Equal(["bilans-fiches-2022.xlsx", "plan-action-2020-2022.xlsx", "rapport-financier-2022.xlsx", "tableau-de-bord-2020.xlsx"], warnings.Select(w => w.FileName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(warnings, w => Assert.NotNull(w.Cell));
        using var document = Docx.Open(report!.Content);
        var rows = Rows(document);
        Assert.Contains(rows, r => r.Count == 2 && r[0] == "octobre 2022" && r[1].Contains("aucun indicateur renseigné", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Count == 3 && r[1] == "juillet, août, septembre, novembre, décembre 2022");
        foreach (var w in warnings)
        {
            Assert.Contains(rows, r => r.Count == 3 && r[0] == w.FileName &&  r[1] == $"{w.Sheet}, {w.Cell}" && r[2].StartsWith(w.Message, StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.Count == 3 && r[2].Contains("ne correspond pas à la somme des lignes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SectionsWithoutDataSayTheyHaveNone()
    {
        var (services, dep) = await SeededAsync(monthly: false, fiches: false);

        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.Empty(Docx.Errors(report!.Content));
        using var document = Docx.Open(report.Content);
        var paragraphs = Paragraphs(document);
        Assert.Contains("Aucun indicateur n'a été importé pour 2022 (plan d'action, tableau de bord ou suivi mensuel).", paragraphs);
        Assert.Contains("Aucun suivi mensuel n'a été importé pour 2022 : les mois manquants ne peuvent pas être établis.", paragraphs);
        Assert.Contains("Bilan qualitatif non transmis.", paragraphs);
        Assert.Contains("Référent (personne ou institution) : non renseigné", paragraphs);
        Assert.Equal(41, paragraphs.Count(p => p.StartsWith("Fiche action ", StringComparison.Ordinal) && p.Contains(" – ", StringComparison.Ordinal)));
        Assert.DoesNotContain(paragraphs, p => p.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportWithoutFinancialDataSaysSo()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022());
        await services.Consolidator.ConsolidateAsync(dep, [new YearMonth(2022, 3)], "test");

        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.Empty(Docx.Errors(report!.Content));
        using var document = Docx.Open(report.Content);
        var paragraphs = Paragraphs(document);
        Assert.Contains($"Aucune donnée financière n'a été importée pour 2022 : déposez le rapport financier de l'année dans uploads/{dep.Code}/.", paragraphs);
        Assert.Contains("Aucune fiche action n'est connue pour 2022 : déposez le plan d'action ou les bilans des fiches.", paragraphs);
        Assert.Empty(document.MainDocumentPart!.ChartParts);
        Assert.DoesNotContain(Rows(document), r => r.Count == 12 && r[2] == "Total");
    }

    [Fact]
    public async Task NoDataForTheYearGivesNoReport()
    {
        var services = new Services(await azurite.StorageAsync());

        Assert.Null(await services.Reports.GenerateAsync(TestDepartements.Next(), 2022));
    }

    [Fact]
    public async Task UserTemplateOfTheDepartementReplacesTheSharedOneWhichReplacesTheBuiltInOne()
    {
        var (services, dep) = await SeededAsync(monthly: false, fiches: false);
        var other = TestDepartements.Next();
        await services.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(new BinaryData(Docx.Create(Docx.P("Rapport {{departement.nom}} {{annee}} : {{total.budgetGlobal | euros}}"))), overwrite: true);

        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.Equal($"templates/{dep.Code}/rapport-execution.docx", report!.TemplateSource);
        Assert.Equal([$"Rapport {ReferenceData.DepartementName(dep)} 2022 : {Euros(31_117_173)}"], Docx.Blocks(report.Content));
        Assert.Equal(AnnualReportService.BuiltInSource, (await services.Reports.GetTemplateAsync(other)).Source);
        Assert.Equal($"templates/{dep.Code}/rapport-execution.docx", (await services.Reports.GetTemplateAsync(dep)).Source);
    }

    [Fact]
    public async Task BrokenUserTemplateIsReportedWithEveryError()
    {
        var (services, dep) = await SeededAsync(monthly: false, fiches: false);
        await services.Storage.Templates.GetBlobClient($"{dep.Code}/rapport-execution.docx").UploadAsync(
            new BinaryData(Docx.Create(Docx.P("{{#fiches}}"), Docx.P("{{intitulee}}"), Docx.P("{{annee | euro}}"))),
            overwrite: true);

        var exception = await Assert.ThrowsAsync<InvalidReportTemplateException>(() => services.Reports.GenerateAsync(dep, 2022));

        Assert.Equal($"templates/{dep.Code}/rapport-execution.docx", exception.TemplateSource);
        Assert.Equal(["boucle-non-fermee", "filtre-inconnu"], exception.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public void DefaultTemplateIsValidAndRendersEmptyDataWithoutError()
    {
        var template = DefaultReportTemplate.Build();
        var errors = Docx.Errors(template);
        errors.ForEach(output.WriteLine);
        Assert.Empty(errors);
        var compiled = DocxTemplate.Compile(template);
        var model = AnnualReportModel.Build(new ReportInputs { Departement = Departement.TryParse("77", out var d) ? d.Value : default, Year = 2022, GeneratedOn = new DateOnly(2023, 5, 15) });

        var rendered = compiled.Render(ReportTemplateData.Build(model));

        Assert.Empty(Docx.Errors(rendered));
        Assert.Contains("Rapport d'exécution 2022", Docx.Blocks(rendered));
        Assert.Contains("Seine-et-Marne (77)", Docx.Blocks(rendered));
        Assert.Contains(compiled.Tags, t => t.Kind == TagKind.Chart);
        Assert.Equal(DefaultReportTemplate.Build(), DefaultReportTemplate.Build());
    }

    [Fact]
    public void FrenchFormatsUseNoBreakSpaces()
    {
        Assert.Equal("1\u00A0027\u00A0000\u00A0€", FrenchFormat.Euros(1_027_000m));
        Assert.Equal("52,1\u00A0%", FrenchFormat.Percent(437_757m / 839_727m));
    }
}
