using Azure.Data.Tables;
using System.Text.Json;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cdppe.Tests.Ingestion;

/// <summary>The plan, dashboard and bilan kinds dropped into a département, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanIngestionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryKindLandsInItsTablesWithTheSeedFigures()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;

        foreach (var (file, bytes) in new[]
        {
            ("plan-action.xlsx", SampleWorkbooks.PlanAction()),
            ("tableau-de-bord.xlsx", SampleWorkbooks.TableauDeBord()),
            ("bilans-2022.xlsx", SampleWorkbooks.BilansFiches2022()),
            ("synthese.xlsx", SampleWorkbooks.SyntheseObjectifs()),
            ("annexe-2-1.xlsx", SampleWorkbooks.Annexe21()),
        })
        {
            var result = await services.DropAndIngestAsync(dep, file, bytes);
            Assert.True(result.Status == IngestionStatus.Accepted, $"{file}: {string.Join("\n", result.Issues)}");
        }

        var head = await services.HeadAsync(dep);
        var fiches = services.Get<FicheStore>();
        var definitions = (await fiches.DefinitionsAsync(head)).ToDictionary(f => f.Numero);
        var planned = (await fiches.PlanDefinitionsAsync(head)).Select(f => f.Numero).ToList();
        Assert.Equal(Enumerable.Range(1, 41), definitions.Keys.Order());
        Assert.Equal(6_333_838m, definitions[14].PlannedTotal);
        Assert.Contains(14, planned);

        // Fiche 41 has a bilan but no plan d'action line: its bilan defines it.
        Assert.DoesNotContain(41, planned);
        Assert.Equal(200_000m, definitions[41].PlannedTotal);
        var bilans = (await fiches.BilansAsync(head, 2022)).ToDictionary(b => b.Numero);
        Assert.Equal((5_870_500m, 6_333_838m), (bilans[14].Consumed, bilans[14].PlannedTotal));
        Assert.Equal(41, bilans.Count);

        var funding = await services.Get<PlannedFundingStore>().CurrentAsync(head);
        Assert.Equal(120, funding.Count);
        Assert.Equal(1_796_500m, funding.Single(f => (f.Fiche, f.Year) == (14, 2021)).Departement);

        var objectives = services.Get<ObjectiveStore>();
        var synthese = await objectives.CurrentAsync(head, "synthese-objectifs", "2020-2022");
        var annexe = await objectives.CurrentAsync(head, "annexe-2-1", "2023-2024");
        Assert.Equal((27, 16), (synthese.Count, annexe.Count));
        Assert.Equal(646_300m, annexe.Single(o => o.Objectif == 9).Total);

        // One merged row per indicator: baseline and targets from the tableau de bord, fiches and milestones from the plan d'action.
        var indicatorStore = services.Get<IndicatorStore>();
        var indicators = await indicatorStore.CurrentAsync(head);
        var ip = indicators["O06-TAUX-IP-EVALUEES-DELAIS"];
        Assert.Equal((0.34m, 1m, IndicatorKind.Rate), (ip.Baseline!.Value!.Value, ip.Targets[2022].Value!.Value, ip.Kind));
        Assert.Equal([10], ip.Fiches);
        Assert.Equal("O06-NOMBRE-IP-EVALUEES", ip.DenominatorCode);
        var epp = indicators[IndicatorCodes.Derive(1, "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI")];
        Assert.Equal([1, 2], epp.Fiches);
        Assert.Equal("RA DPMIPE 2018", epp.Source);
        Assert.Equal(["Discussion", "signature du protocole", "mise en œuvre"], indicators["O02-NIVEAU-REALISATION-PROTOCOLE"].Milestones);
        Assert.Contains(await indicatorStore.SourcesAsync(head, "plan-action"), s => s.Definition.Code == "O06-TAUX-IP-EVALUEES-DELAIS");
        Assert.Contains(await indicatorStore.SourcesAsync(head, "tableau-de-bord"), s => s.Definition.Code == "O06-TAUX-IP-EVALUEES-DELAIS");
    }

    [Fact]
    public async Task SameFicheFiguresDisagreeingAcrossWorkbooksAreFlagged()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        await services.DropAndIngestAsync(dep, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());

        var plan = await services.DropAndIngestAsync(dep, "plan.xlsx", SampleWorkbooks.PlanAction());
        var bilans = await services.DropAndIngestAsync(dep, "bilans.xlsx", SampleWorkbooks.BilansFiches2022());

        // Fiche 28: 700 000 € in the plan d'action, 800 000 € in the rapport financier; fiche 39: 18 000 € planned, "- €" in the rapport.
        var divergent = plan.Issues.Where(i => i.Code == "fiche-prevu-divergent").ToList();
        Assert.Equal(["Fiche 28", "Fiche 39"], divergent.Select(i => i.Message[..8]));
        var f28 = divergent[0];
        Assert.Equal(("Plan d'action", FrenchFormat.Euros(700_000m)), (f28.Sheet, f28.Seen));
        Assert.StartsWith(FrenchFormat.Euros(800_000m) + " (du rapport financier 2022", f28.Expected, StringComparison.Ordinal);

        // Fiche 9: "Total : 1 886 914 €" in its bilan against 1 866 914 € in both tables; fiche 28's bilan agrees with the rapport, not the plan.
        var f9 = bilans.Issues.Where(i => i.Code == "fiche-prevu-divergent" && i.Message.StartsWith("Fiche 9 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, f9.Count);
        Assert.All(f9, w => Assert.Equal(("Bilans des fiches", "A12", FrenchFormat.Euros(1_886_914m)), (w.Sheet, w.Cell, w.Seen)));
        Assert.Contains(f9, w => w.Expected!.Contains("rapport financier 2022", StringComparison.Ordinal));
        Assert.Contains(f9, w => w.Expected!.Contains("plan d'action", StringComparison.Ordinal));
        Assert.Single(bilans.Issues, i => i.Code == "fiche-prevu-divergent" && i.Message.StartsWith("Fiche 28 ", StringComparison.Ordinal));
        Assert.DoesNotContain(bilans.Issues, i => i.Code == "fiche-consomme-divergent");

        // The rapport financier's own inconsistencies stay flagged in its ingestion (engagement 1's consumed 2022, fiche 40).
        var record = await services.Storage.IngestionReports.GetBlobClient($"{dep}/{bilans.IngestionId}.json").DownloadContentAsync();
        Assert.Contains("fiche-prevu-divergent", record.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardTargetsDisagreeingWithThePlanAreFlagged()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        await services.DropAndIngestAsync(dep, "plan.xlsx", SampleWorkbooks.PlanAction());

        var dashboard = await services.DropAndIngestAsync(dep, "tdb.xlsx", SampleWorkbooks.TableauDeBord());

        // Fiche 9: 6,30 % for 2020 in the plan d'action, 6 % in the tableau de bord.
        var warning = Assert.Single(dashboard.Issues, i => i.Code == "cible-divergente" && i.Message.Contains("O05-PART-ENFANTS", StringComparison.Ordinal));
        Assert.Equal(("6\u00A0%", "Tableau de bord"), (warning.Seen, warning.Sheet));
        Assert.StartsWith("6,3\u00A0%", warning.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectedPlanSupersedesTheEarlierOneAndKeepsItReadable()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var first = await services.DropAndIngestAsync(dep, "plan-v1.xlsx", SampleWorkbooks.PlanAction());
        await services.DropAndIngestAsync(dep, "tdb.xlsx", SampleWorkbooks.TableauDeBord());
        var corrected = SeedData.PlanAction.Where(f => f.Numero != 40).Select(f => f.Numero == 28 ? f with { Financement = f.Financement with { Total = 800_000m } } : f).ToList();

        var second = await services.DropAndIngestAsync(dep, "plan-v2.xlsx", SampleWorkbooks.PlanAction(corrected));

        Assert.Equal(IngestionStatus.Accepted, second.Status);
        var head = await services.HeadAsync(dep);
        var fiches = (await services.Get<FicheStore>().DefinitionsAsync(head)).ToDictionary(f => f.Numero);
        Assert.False(fiches.ContainsKey(40));
        Assert.Equal(800_000m, fiches[28].PlannedTotal);
        Assert.Equal(second.IngestionId, head.Of(DatasetKeys.PlanAction));
        Assert.DoesNotContain(await services.Get<PlannedFundingStore>().CurrentAsync(head), f => f.Fiche == 40);

        // Fiche 40's indicators came from the plan d'action only: they are gone; shared ones keep the tableau de bord's figures.
        var indicators = await services.Get<IndicatorStore>().CurrentAsync(head);
        Assert.DoesNotContain(indicators.Values, i => i.Fiches is [40]);
        Assert.Equal(1m, indicators["O06-TAUX-IP-EVALUEES-DELAIS"].Targets[2022].Value);

        // History: both ingestions listed, the first marked as superseded, its content still readable by its id.
        var records = (await WorkbookIngestorTests.Records(services, dep)).ToDictionary(r => r.Id);
        Assert.Equal(3, records.Count);
        Assert.Equal([$"plan-action:{second.IngestionId}"], records[first.IngestionId!].SupersededBy);
        Assert.Empty(records[second.IngestionId!].SupersededBy);
        var data = await services.Storage.IngestionReports.GetBlobClient($"{dep}/{first.IngestionId}.data.json").DownloadContentAsync();
        using var json = JsonDocument.Parse(data.Value.Content.ToString());
        Assert.Equal(40, json.RootElement.GetProperty("fiches").GetArrayLength());
        Assert.Equal($"ingestion-reports/{dep}/{first.IngestionId}.data.json", records[first.IngestionId!].DataPath);
    }

    [Fact]
    public async Task MonthlyValueWithALabelButNoCodeIsTheKnownIndicatorOfThatLabel()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        await services.DropAndIngestAsync(dep, "tdb.xlsx", SampleWorkbooks.TableauDeBord());
        List<IReadOnlyList<object?>> rows = [["Libellé de l'indicateur", "Période", "Valeur"], ["Nombre d'informations entrantes", "2022-03", 1_580.0], ["Nombre de visites imaginaires", "2022-03", 3.0]];

        var result = await services.DropAndIngestAsync(dep, "suivi-sans-code.xlsx", XlsxWriter.Write([new("Suivi", rows)]));

        Assert.Equal(IngestionStatus.Accepted, result.Status);
        Assert.Contains(result.Issues, i => i.Code == "codes-retrouves" && i.Message.StartsWith("1 valeur sans code a été rattachée", StringComparison.Ordinal));
        var codes = (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.IndicatorValues, dep)).Select(v => v.GetString("Code")).Order(StringComparer.Ordinal);
        Assert.Equal(["O06-NOMBRE-IP-ENTRANTES", "OXX-NOMBRE-VISITES-IMAGINAIRES"], codes);
    }

    [Fact]
    public async Task RejectedWorkbookGetsAnAnnotatedCopyWithACommentOnEachFaultyCell()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.PlanActionSheet(SeedData.PlanAction.Take(5)), ("M4", "-46 635 €"), ("N6", new XlsxFormula("M6/0", "#DIV/0!")));
        var bytes = XlsxWriter.Write([spec]);

        var result = await services.DropAndIngestAsync(dep, "plan-faux.xlsx", bytes);

        Assert.Equal(IngestionStatus.Rejected, result.Status);
        Assert.Equal(["M4", "N6"], result.Issues.Where(i => i.Severity == Severity.Error).Select(i => i.Cell));
        var blob = await services.Storage.Rejected.GetBlobClient($"{dep}/{result.IngestionId}/annote-plan-faux.xlsx").DownloadContentAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(blob.Value.Content.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}"));
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Plan d'action");
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var comments = part.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        Assert.StartsWith("Erreur : Le montant masse salariale 2020 de la fiche 1 est négatif.", comments["M4"], StringComparison.Ordinal);
        Assert.Contains("Vu : « -46 635 € »", comments["M4"], StringComparison.Ordinal);
        Assert.Contains("erreur de formule", comments["N6"], StringComparison.Ordinal);
        Assert.NotNull(part.VmlDrawingParts.SingleOrDefault());
        Assert.NotNull(part.Worksheet.GetFirstChild<LegacyDrawing>());
        Assert.Contains(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>(), s => s.Name == WorkbookAnnotator.IssuesSheetName);

        var record = (await services.Storage.Table(TableNames.Ingestions).GetEntityAsync<TableEntity>(dep, result.IngestionId)).Value;
        Assert.Equal($"rejected/{dep}/{result.IngestionId}/annote-plan-faux.xlsx", record.GetString("AnnotatedPath"));
        Assert.Empty(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Fiches, dep));

        // The annotated copy dropped back unchanged gives the same errors (its list of problems is ignored).
        var again = await services.DropAndIngestAsync(dep, "plan-faux-annote.xlsx", blob.Value.Content.ToArray());
        Assert.Equal(result.Issues.Where(i => i.Severity == Severity.Error).Select(i => i.Cell), again.Issues.Where(i => i.Severity == Severity.Error).Select(i => i.Cell));
    }
}
