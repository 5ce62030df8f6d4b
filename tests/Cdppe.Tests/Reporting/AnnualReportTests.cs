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

    private static string Plain(string? text) => PrintedText.Plain(text);

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => PrintedText.Unpunctuated(Docx.Text(p))).ToList();

    private static List<List<string>> Rows(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => PrintedText.Unpunctuated(string.Join("¶", c.Elements<Paragraph>().Select(Docx.Text)))).ToList()).ToList();

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
        var reports = new AnnualReportService(services.Get<ReportInputsReader>(), services.Get<Pipeline.Storage.TemplateStore>(), services.Get<Pipeline.Storage.ReportFileStore>(), cache, services.Get<ReportRenderGate>(), services.Get<Pipeline.Storage.ReportTextStore>(), services.Get<ReportVersions>(), services.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AnnualReportService>.Instance);
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
        var fiche1 = rows.Single(r => r.Count == 13 && r[2] == "1");
        Assert.Equal(["839 727 €", "487 908 €", "351 819 €", "- €", "- €", "FIR", "223 852 €", "213 905 €", "437 757 €", "52,1 %"], fiche1.Skip(3).Select(c => c.Replace(Nbsp, ' ')));
        var subTotals = rows.Where(r => r.Count == 11 && r[0] == "Sous-total").Select(r => r[1]).ToList();
        Assert.Equal([Euros(8_677_102), Euros(15_152_180), Euros(330_000), Euros(2_565_742), Euros(4_392_149)], subTotals);
        var total = rows.Single(r => r.Count == 11 && r[0] == "Total");
        Assert.Equal(Euros(31_117_173), total[1]);
        // The recomputed total differs from the printed one (21 252 747 €): it is marked where it stands.
        Assert.Equal(Euros(21_252_748) + "*", total[9]);
        Assert.Equal("68,3\u00A0%", total[10]);
        static string Montant(decimal? v) => v is null or 0 ? "-\u00A0€" : Euros(v.Value);
        foreach (var line in SeedData.RapportFinancier2022.Where(l => l.Ligne == "fiche" && l.Fiche is not null))
        {
            var row = rows.Single(r => r.Count == 13 && r[2] == line.Fiche!.Value.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(
                new[] { line.BudgetGlobal, line.Departement, line.Fir, line.Etat, line.Ondam }.Select(Montant).Append(line.Modalite ?? string.Empty)
                    .Concat(new[] { line.ConsommeAu31122021, line.ConsommeEn2022, line.Consomme20202022 }.Select(Montant)),
                row.Skip(3).Take(9), (expected, printed) => Plain(expected) == Plain(printed));
        }

        // Each line's objective comes from the plan d'action: fiche 6 prints objective 3 alone, not the four
        // objectives the source's merged cell runs together; a line without fiche keeps its own text.
        var fiche6 = rows.Single(r => r.Count == 13 && r[2] == "6");
        Assert.Equal("Doubler au niveau national le nombre de visites à domicile pré et postnatales réalisées par des sages-femmes de PMI en faveur des familles vulnérables", fiche6[1]);
        Assert.Contains(rows, r => r.Count == 13 && r[1] == "Mieux articuler les contrôles Etat / département" && r[2] == string.Empty);
        Assert.Equal("– Sous-total de l'engagement 1, consommé en 2022 : 1" + Nbsp + "848" + Nbsp + "458" + Nbsp + "€ (somme des lignes) ; le classeur imprime 1" + Nbsp + "848" + Nbsp + "457" + Nbsp + "€ (Rapport financier, K21).", Paragraphs(document).Single(p => p.StartsWith("– Sous-total de l'engagement 1, consommé en 2022", StringComparison.Ordinal)));
        Assert.Equal(Euros(1_848_458) + "*", rows.First(r => r.Count == 11 && r[0] == "Sous-total")[8]);
        // Mesure and objective cells merge vertically: fiches 4 and 5 continue the mesure and objective of fiche 3.
        var body = document.MainDocumentPart!.Document.Body!;
        var fiche4Row = body.Descendants<TableRow>().Single(r => r.Elements<TableCell>().Count() == 13 && Docx.Text(r.Elements<TableCell>().ElementAt(2).Elements<Paragraph>().First()) == "4");
        Assert.All(fiche4Row.Elements<TableCell>().Take(2), c => Assert.Equal(MergedCellValues.Continue, c.TableCellProperties!.VerticalMerge!.Val!.Value));
        var fiche3Row = body.Descendants<TableRow>().Single(r => r.Elements<TableCell>().Count() == 13 && Docx.Text(r.Elements<TableCell>().ElementAt(2).Elements<Paragraph>().First()) == "3");
        Assert.All(fiche3Row.Elements<TableCell>().Take(2), c => Assert.Equal(MergedCellValues.Restart, c.TableCellProperties!.VerticalMerge!.Val!.Value));

        // Sub-totals: the planned columns as printed in seed 003; every column the sum of its lines (the printed
        // consumed sub-totals that are 1 € off are flagged in the annex, not copied).
        var printed = SeedData.RapportFinancier2022.Where(l => l.Ligne == "sous-total").ToList();
        var subTotalRows = rows.Where(r => r.Count == 11 && r[0] == "Sous-total").ToList();
        for (var e = 0; e < printed.Count; e++)
        {
            Assert.Equal(new[] { printed[e].BudgetGlobal, printed[e].Departement, printed[e].Fir, printed[e].Etat, printed[e].Ondam }.Select(v => v is null or 0 ? "-\u00A0€" : Euros(v.Value)), subTotalRows[e].Skip(1).Take(5));
        }

        // Synthèse: fiche 39 has no bilan; "non consommé" net of the overspends, and without them.
        var keyFigures = rows.Where(r => r.Count == 2).Select(r => (r[0].Replace(Nbsp, ' '), r[1].Replace(Nbsp, ' '))).ToList();
        Assert.Contains(("Fiches actions", "41 (dont 40 avec un bilan 2022 ; sans bilan : fiche 39)"), keyFigures);
        Assert.Contains(("Non consommé, net des dépassements", "9 864 425 €"), keyFigures);
        Assert.Contains(("Non consommé des lignes sous leur budget, sans compter les dépassements (18 454 € : fiches 39 et 40)", "9 882 879 €"), keyFigures);

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

        // Native charts: the budget per engagement, two indicator trajectories and ten monthly charts, each with its embedded workbook.
        var charts = document.MainDocumentPart!.ChartParts.ToList();
        Assert.Equal(13, charts.Count);
        Assert.All(charts, c => Assert.NotNull(c.EmbeddedPackagePart));
        // Fiche 1's trajectory: June 2022, the last reliable value, is its own series, never the year's « Réalisé ».
        Assert.Contains(charts, c => c.ChartSpace.InnerText.Contains("Dernière valeur fiable (juin 2022), mois suivants non fiables", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.ChartSpace.InnerText.Contains("Budget prévu", StringComparison.Ordinal) && c.ChartSpace.InnerText.Contains("Engagement 2", StringComparison.Ordinal));
        Assert.True(await services.Storage.Reports.GetBlobClient($"{dep.Code}/{report.FileName}").ExistsAsync());
    }

    /// <summary>The blocks of one fiche's bilan: from its heading to the next fiche's (tables as their rows' cells).</summary>
    private static List<string> FicheSection(WordprocessingDocument document, int numero)
    {
        var blocks = Paragraphs(document);
        var start = blocks.FindIndex(p => p.StartsWith($"Fiche action {numero} – ", StringComparison.Ordinal));
        var end = blocks.FindIndex(start + 1, p => p.StartsWith("Fiche action ", StringComparison.Ordinal) && p.Contains(" – ", StringComparison.Ordinal) || p.StartsWith("Annexe", StringComparison.Ordinal));
        return blocks.GetRange(start, end - start);
    }

    [Fact]
    public async Task EveryFicheShowsItsFundingByFunderAndYearItsMoyensTextDocumentsAndEveryObjective()
    {
        var (services, dep) = await SeededAsync(monthly: false);

        var report = await services.Reports.GenerateAsync(dep, 2022);

        using var document = Docx.Open(report!.Content);
        var rows = Rows(document).Select(r => r.Select(c => c.Replace(Nbsp, ' ')).ToList()).ToList();
        // Fiche 1: the plan d'action's money per year (CD, FIR, État, ONDAM), then the free text of the moyens.
        var fiche1 = FicheSection(document, 1).Select(p => p.Replace(Nbsp, ' ')).ToList();
        Assert.Contains("Total : 839 727 €", fiche1);
        Assert.Contains("Financement CD : 487 908 €", fiche1);
        Assert.Contains("Proposition Financement FIR : 351 819 €", fiche1);
        Assert.Contains(["2020", "50 235 €", "74 946 €", "- €", "- €", "125 181 €"], rows);
        Assert.Contains(["2022", "226 352 €", "174 809 €", "- €", "- €", "401 161 €"], rows);
        Assert.Contains(["Total", "487 908 €", "351 819 €", "- €", "- €", "839 727 €"], rows);
        // Fiche 28: ONDAM only.
        Assert.Contains(["Total", "- €", "- €", "- €", "700 000 €", "700 000 €"], rows);
        // Fiche 39: no planned total, its text keeps the transfer to fiche 37.
        var fiche39 = FicheSection(document, 39).Select(p => p.Replace(Nbsp, ' ')).ToList();
        Assert.Contains("Total : - € (le plan d'action indique 18 000 €, voir l'annexe)", fiche39);
        Assert.Contains("400 000 € transférés à la fiche 37", fiche39);
        // Fiche 28: its plan d'action's money by year (700 000 €) differs from the rapport financier (800 000 €),
        // noted on its page as in the annex.
        var fiche28 = FicheSection(document, 28).Select(p => p.Replace(Nbsp, ' ')).ToList();
        Assert.Contains("Ce tableau totalise 700 000 €, le rapport financier prévoit 800 000 € : le total et le pourcentage consommé de la fiche sont ceux du rapport financier (voir l'annexe).", fiche28);
        Assert.Contains(Paragraphs(document), p => p.Replace(Nbsp, ' ').StartsWith("– Fiche 28 : les financements par année du plan d'action totalisent 700 000 €, le rapport financier prévoit 800 000 €", StringComparison.Ordinal));
        // Fiches 17 and 18 name both their objectives.
        var fiche17 = FicheSection(document, 17);
        Assert.Contains("Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap", fiche17);
        Assert.Contains("Objectif 16 : Soutenir les parents d'enfants en situation de handicap", fiche17);
        Assert.Contains("Objectif 26 : Renforcer la formation des professionnels", FicheSection(document, 18));
        Assert.Contains("Sans objectif", FicheSection(document, 40));
        // Documents de référence, where the fiche has some (17 fiches of 41).
        Assert.Contains(rows, r => r is ["Documents de référence", "Référentiel relatif aux bilans de santé en écoles maternelles"]);
        Assert.Equal(17, rows.Count(r => r.Count == 2 && r[0] == "Documents de référence"));
        Assert.Contains(FicheSection(document, 36), p => p.StartsWith("Délibération CD 2021/11/19 : Convention sur la prise en charge des mineurs non accompagnés", StringComparison.Ordinal) && p.EndsWith("Passeport santé", StringComparison.Ordinal));
        // Fiche 21: the plan d'action's title is a merged cell copied twice; the bilan's is printed.
        Assert.Contains("Fiche action 21 – Développer les projets de partenariats envisagés avec l'ARS et l'hôpital de Melun dans le champ de la périnatalité", FicheSection(document, 21));
        Assert.Empty(Docx.Errors(report.Content));
    }

    [Fact]
    public async Task ChartsPrintFrenchNumbersAndDrawOnlyIndicatorsWithAchievedValuesNextToTheirTable()
    {
        var (services, dep) = await SeededAsync();

        var report = await services.Reports.GenerateAsync(dep, 2022);

        using var document = Docx.Open(report!.Content);
        var charts = document.MainDocumentPart!.ChartParts.Select(c => c.ChartSpace).ToList();
        string Title(DocumentFormat.OpenXml.Drawing.Charts.ChartSpace c) => c.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Title>().Single().InnerText;
        // The budget, the ten monthly charts of the tableau de bord, then the trajectories of the two fiche indicators
        // with a value achieved in 2022 (fiches 1 and 3); none for a milestone (« Signature du protocole »: 0 % then
        // 100 %) nor for an indicator without any achieved value (fiche 10).
        Assert.Equal("Budget prévu et consommé 2020-2022 par engagement", Title(charts[0]));
        Assert.Equal(10, charts.Count(c => Title(c).EndsWith($"{Nbsp}: valeurs mensuelles 2022", StringComparison.Ordinal)));
        Assert.Equal(
            ["Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI", "Part des enfants de 3-4 ans ayant bénéficié d'un bilan de santé à l'école maternelle réalisé par la PMI"],
            charts.Skip(11).Select(Title));
        // Formats that give 8 677 102 € and 15 % whatever the locale of Word or LibreOffice.
        var budget = charts[0].OuterXml;
        Assert.Contains($"<c:formatCode>[&gt;=1000000]#\"{Nbsp}\"###\"{Nbsp}\"##0\"{Nbsp}€\";[&gt;=1000]#\"{Nbsp}\"##0\"{Nbsp}€\";0\"{Nbsp}€\"</c:formatCode>", budget, StringComparison.Ordinal);
        Assert.DoesNotContain("#,##0", budget, StringComparison.Ordinal);
        var rate = charts[11];
        Assert.Contains($"<c:formatCode>0\"{Nbsp}\"%</c:formatCode>", rate.OuterXml, StringComparison.Ordinal);
        Assert.Equal("0.02", rate.Descendants<DocumentFormat.OpenXml.Drawing.Charts.MajorUnit>().Single().Val!.Value.ToString(CultureInfo.InvariantCulture));
        // The baseline (4 % in 2018) is an achieved value: the target line starts in 2020.
        var series = rate.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>().ToList();
        var target = series.Single(s => s.SeriesText!.InnerText.EndsWith("Cible", StringComparison.Ordinal)).Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => (p.Index!.Value, p.InnerText)).ToList();
        var achieved = series.Single(s => s.SeriesText!.InnerText.EndsWith("Réalisé", StringComparison.Ordinal)).Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => (p.Index!.Value, p.InnerText)).ToList();
        Assert.Equal([(1u, "0.04"), (2u, "0.05"), (3u, "0.15")], target);
        Assert.Equal((0u, "0.04"), achieved[0]);
        // Each chart of a fiche or of the synthesis stays with the table before it: the indicators table's paragraphs
        // keep with the next one; the monthly charts stand two by two in the cells of a table.
        var all = document.MainDocumentPart.Document.Body!.Descendants<Drawing>().Select(d => d.Ancestors<Paragraph>().First()).ToList();
        Assert.Equal(13, all.Count);
        var drawings = all.Where(p => p.Parent is not TableCell).ToList();
        Assert.Equal(3, drawings.Count);
        Assert.All(drawings, p => Assert.True(p.PreviousSibling() is Table table ? table.Descendants<Paragraph>().All(q => q.ParagraphProperties?.KeepNext is not null) : p.PreviousSibling<Paragraph>()?.ParagraphProperties?.KeepNext is not null));
        Assert.Empty(Docx.Errors(report.Content));
    }

    [Fact]
    public async Task ReferencePartsListTheNationalObjectivesTheRetainedOnesTheFichesWithTheirPagesAndEachEngagement()
    {
        var (services, dep) = await SeededAsync(monthly: false);

        var report = await services.Reports.GenerateAsync(dep, 2022);

        using var document = Docx.Open(report!.Content);
        var rows = Rows(document).Select(r => r.Select(c => c.Replace(Nbsp, ' ')).ToList()).ToList();
        var paragraphs = Paragraphs(document).Select(p => p.Replace(Nbsp, ' ')).ToList();
        // The 26 national objectives, fondamental or facultatif, retained or not, with their fiches (seed 003, Annexe 2).
        var objectives = rows.Where(r => r.Count == 5 && int.TryParse(r[0], out _)).ToList();
        Assert.Equal(Enumerable.Range(1, 26).Select(n => n.ToString(CultureInfo.InvariantCulture)), objectives.Select(r => r[0]));
        Assert.Equal(["fondamental", "Engagement 1", "1, 2"], objectives[0].Skip(2));
        Assert.Equal(["fondamental", "Engagement 2", "17, 18, 28"], objectives[8].Skip(2));
        Assert.Equal(["facultatif, retenu", "Engagement 1", "21, 22, 23"], objectives[12].Skip(2));
        Assert.Equal(["facultatif, non retenu", "Engagement 1", "39"], objectives[13].Skip(2));
        Assert.Equal(["facultatif, retenu", "Engagement 1", "17, 27"], objectives[15].Skip(2));
        Assert.Equal(["facultatif, non retenu", "Engagement 2", "14"], objectives[18].Skip(2));
        Assert.Equal(["facultatif, retenu", "Transverse", "18, 37"], objectives[25].Skip(2));
        Assert.Contains(paragraphs, p => p.EndsWith("Le Département s'est engagé dans les objectifs facultatifs suivants : 13, 15, 16, 23, 24, 25 et 26.", StringComparison.Ordinal));
        Assert.Contains("– fiche 39 (Expérimenter un dispositif de relais parental destiné aux 0-6 ans sur le territoire de la Seine-et-Marne) : objectif 14", paragraphs);
        Assert.Contains("– Objectifs : les fiches 14 (objectif 19) et 39 (objectif 14) sont rattachées à un objectif facultatif que le Département n'a pas retenu (objectifs facultatifs retenus : 13, 15, 16, 23, 24, 25 et 26).", paragraphs);
        // The list of fiches: one row each, its page a PAGEREF field to the bookmark on the fiche's heading.
        var list = rows.Where(r => r.Count == 4 && r[3] == "…").ToList();
        Assert.Equal(41, list.Count);
        Assert.Equal(["17", "Structurer les services futurs SAPHA et améliorer la prise en charge des enfants protégés en situation de handicap", "9, 16"], list[16].Take(3));
        Assert.Equal("sans objectif", list[39][2]);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal(Enumerable.Range(1, 41).Select(n => $" PAGEREF fiche{n} \\h "), body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<FieldCode>().Select(c => c.Text))).Where(t => t.Contains("PAGEREF", StringComparison.Ordinal)));
        var bookmarks = body.Descendants<BookmarkStart>().Where(b => b.Name!.Value!.StartsWith("fiche", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 41).Select(n => $"fiche{n}"), bookmarks.Select(b => b.Name!.Value));
        Assert.All(bookmarks, b => Assert.StartsWith("Fiche action ", Docx.Text((Paragraph)b.Parent!), StringComparison.Ordinal));
        Assert.True(document.MainDocumentPart.DocumentSettingsPart!.Settings.Elements<UpdateFieldsOnOpen>().Single().Val!.Value);
        // A data summary per engagement, with a place for the département's own text.
        Assert.Contains("Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles", paragraphs);
        Assert.Contains(["Budget prévu 2020-2022", "8 677 102 €"], rows);
        Assert.Contains(["Consommé 2020-2022 (dont 2022)", "4 384 647 € (50,5 %) dont 1 848 458 €"], rows);
        Assert.Contains(["Fiches actions", "16 (1, 2, 3, 4, 5, 6, 7, 8, 9, 21, 22, 23, 26, 27, 29, 39)"], rows);
        Assert.Equal(5, paragraphs.Count(p => p.StartsWith("[À rédiger par le Département : appréciation de l'année pour cet engagement", StringComparison.Ordinal)));
        // Every place for the département's text is a content control showing its help text: the introduction, the
        // engagements, the comments of the financial part, the dashboard and the annex, one per fiche.
        var places = body.Descendants<SdtBlock>().Where(c => c.SdtProperties!.GetFirstChild<ShowingPlaceholder>() is not null).ToList();
        Assert.Equal(50, places.Count);
        Assert.All(places, c => Assert.StartsWith("[À rédiger par le Département", Docx.Text(c.Descendants<Paragraph>().Single()), StringComparison.Ordinal));
        Assert.Equal(["introduction", "synthese-engagement-1"], places.Take(2).Select(c => c.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value));
        Assert.Empty(Docx.Errors(report.Content));
    }

    [Fact]
    public async Task DataQualityAnnexListsMissingMonthsUnreliableValuesAndEveryCrossCheckWithItsCell()
    {
        var (services, dep) = await SeededAsync();

        var model = await services.Reports.LoadAsync(dep, 2022);
        var report = await services.Reports.GenerateAsync(dep, 2022);

        Assert.Equal([10], model.Quality.Gaps.Select(g => g.Month.Month));
        Assert.Equal((8, 8), (model.Quality.Gaps[0].Missing, model.Quality.Gaps[0].Known));
        Assert.NotEmpty(model.Quality.Unreliable);
        Assert.All(model.Quality.Unreliable, u => Assert.Equal((new YearMonth(2022, 7), new YearMonth(2022, 6)), (u.Months[0], u.LastReliableMonth!.Value)));
        var warnings = model.Quality.Warnings;
        Assert.NotEmpty(warnings);
        Assert.Equal(["bilans-fiches-2022.xlsx", "plan-action-2020-2022.xlsx", "rapport-financier-2022.xlsx", "tableau-de-bord-2020.xlsx"], warnings.Select(w => w.FileName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(warnings, w => Assert.NotNull(w.Cell));
        using var document = Docx.Open(report!.Content);
        var rows = Rows(document);
        Assert.Contains(["octobre 2022", "aucune valeur transmise pour les 8 indicateurs suivis chaque mois"], rows);
        Assert.Contains(rows, r => r.Count == 3 && r[1] == "juillet, août, septembre, novembre et décembre 2022" && r[2] == "636 (juin 2022)");
        foreach (var w in warnings)
        {
            // Up to the first indicator code, which readers see as the indicator's label.
            var prefix = System.Text.RegularExpressions.Regex.Split(w.Message, @"\bO\d\d-")[0];
            Assert.Contains(rows, r => r.Count == 3 && r[0] == w.FileName && r[1] == $"{w.Sheet}, {w.Cell}" && Plain(r[2]).StartsWith(Plain(prefix), StringComparison.Ordinal));
        }

        Assert.Contains(warnings, w => w.Message.StartsWith("L'indicateur O05-PART-ENFANTS", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Count == 3 && r[2].StartsWith("L'indicateur « Part d'enfants ayant bénéficié d'un examen clinique par un médecin de PMI » a pour cible 2020", StringComparison.Ordinal));

        Assert.Contains(rows, r => r.Count == 3 && r[2].Contains("ne correspond pas à la somme des lignes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LostMonthsAndDataStoppedAtJuneAreExplainedAndUnreliableValuesKeepTheirTrueDate()
    {
        var (services, dep) = await SeededAsync();

        var model = await services.Reports.LoadAsync(dep, 2022);
        var report = await services.Reports.GenerateAsync(dep, 2022);

        // Generated from the monthly data: October lost, three indicators unreliable after June.
        Assert.Equal("Aucune valeur n'a été transmise pour octobre 2022 : ce mois manque pour les 8 indicateurs suivis chaque mois.", model.Quality.Explanations[0]);
        Assert.StartsWith("Les valeurs de 3 indicateurs sont déclarées non fiables à partir de juillet 2022 : leur dernière valeur fiable est celle de juin 2022 (données arrêtées au 30 juin 2022)", model.Quality.Explanations[1], StringComparison.Ordinal);
        // An unreliable value: its own status, the last reliable value with its month (VAD pré-natales: 1 271 a year, 636 at the end of June).
        var vad = model.Indicators.Single(i => i.Label.StartsWith("Nombre de VAD pré-natales réalisées par des sages-femmes de PMI", StringComparison.Ordinal) && i.Targets.Count > 0 && i.AchievedInYear is not null);
        Assert.Equal((AnnualReportModel.UnreliableStatus, new YearMonth(2022, 6), 636m, new YearMonth(2022, 6)), (vad.Status, vad.AchievedMonth!.Value, vad.AchievedInYear!.Value!.Value, vad.ReliableUntil!.Value));
        // A reliable one keeps December, with its status against the target known now.
        var bsem = model.Indicators.Single(i => i.Label == "Nombre de bilans de santé en école maternelle réalisés par la PMI" && i.AchievedInYear is not null);
        Assert.Equal(("en retard", new YearMonth(2022, 12), 16_988m), (bsem.Status, bsem.AchievedMonth!.Value, bsem.AchievedInYear!.Value!.Value));
        // Context series never get a status: no target at all (cohorts), or "targets" that repeat the 2019 count
        // (births 18 418, children aged 0-6 113 993, incoming informations 6 322).
        var context = model.Indicators.Where(i => i.Label.StartsWith("Nombre de naissances vivantes", StringComparison.Ordinal) || i.Label.StartsWith("Cohorte d'enfants", StringComparison.Ordinal) || i.Label.StartsWith("Nombre d'enfants de 0 à 6 ans", StringComparison.Ordinal)).ToList();
        Assert.True(context.Count >= 4, $"{context.Count} context series");
        Assert.NotEmpty(context);
        Assert.All(context, i => Assert.Equal((true, string.Empty), (i.IsContext, i.Status)));
        Assert.DoesNotContain(model.Indicators, i => i.IsContext && i.Status.Length > 0);
        using var document = Docx.Open(report!.Content);
        var paragraphs = Paragraphs(document);
        Assert.Equal(2, paragraphs.Count(p => p == model.Quality.Explanations[0]));
        var rows = Rows(document);
        Assert.Contains(rows, r => r.Count == 8 && r[0].StartsWith("Nombre de VAD pré-natales réalisées par des sages-femmes de PMI (données non fiables après juin 2022)", StringComparison.Ordinal) && r[6] == "636 (juin 2022)" && r[7] == "non fiable¶dernière valeur fiable : juin 2022");
        // Context series stand apart, in a table of their own, without a status.
        Assert.Contains(rows, r => r.Count == 5 && r[0].StartsWith("Nombre de naissances vivantes", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Count == 8 && r[0].StartsWith("Nombre de naissances vivantes", StringComparison.Ordinal));
        // Labels, never internal codes, for readers.
        Assert.DoesNotContain(paragraphs.Concat(rows.SelectMany(r => r)), t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\bO\d\d-[A-Z]"));
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
        // No budget chart: the only charts are the monthly ones of the indicators.
        Assert.All(document.MainDocumentPart!.ChartParts, c => Assert.EndsWith($"{Nbsp}: valeurs mensuelles 2022", c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Title>().Single().InnerText, StringComparison.Ordinal));
        Assert.DoesNotContain(Rows(document), r => r.Count == 11 && r[0] == "Total");
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
