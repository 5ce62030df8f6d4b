using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>The tableau de bord SNPPE filled in from the consolidated data, and dropped back as it is.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableauDeBordExportTests(AzuriteFixture azurite)
{
    private async Task<(Services Services, Departement Dep)> SeededAsync()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022());
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        await services.DropPlansAsync(dep.Code);
        return (services, dep);
    }

    private static WorkbookContent Parse(byte[] bytes) => new WorkbookParser().Parse(new MemoryStream(bytes));

    [Fact]
    public async Task EveryIndicatorOfTheTableauDeBordComesBackWithItsTargetsAndThe2022NiveauDAtteinte()
    {
        var (services, dep) = await SeededAsync();

        var outcome = await services.Get<TableauDeBordExport>().ExportAsync(dep, 2022);

        var file = outcome.Value!;
        Assert.Equal(($"tableau-de-bord-snppe-{dep.Code}-2022.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (file.FileName, file.ContentType));
        var original = Parse(SampleWorkbooks.TableauDeBord()).Indicators.ToDictionary(i => i.Definition.Code, i => i.Definition, StringComparer.Ordinal);
        var back = Parse(file.Content);
        Assert.Equal(["tableau-de-bord"], back.Kinds);
        Assert.False(back.Issues.HasErrors, string.Join("\n", back.Issues.Detailed.Select(i => i.Message)));
        var exported = back.Indicators.ToDictionary(i => i.Definition.Code, i => i.Definition, StringComparer.Ordinal);
        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), exported.Keys.Order(StringComparer.Ordinal));
        // The tableau de bord's own figures, and the targets the plan d'action adds where the tableau de bord leaves them blank.
        var stored = await services.Get<IndicatorStore>().CurrentAsync(await services.HeadAsync(dep.Code));
        foreach (var (code, before) in original)
        {
            var after = exported[code];
            Assert.Equal((before.Label, before.Objectif, before.Baseline, before.BaselineDate, before.Source), (after.Label, after.Objectif, after.Baseline, after.BaselineDate, after.Source));
            Assert.All(before.Targets, t => Assert.Equal(t.Value, after.Targets[t.Key]));
            Assert.Equal(stored[code].Targets.OrderBy(t => t.Key), after.Targets.OrderBy(t => t.Key));
        }

        var epp = exported.Values.Single(d => d.Label == "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI");
        Assert.Equal((0.04m, true, 0.15m, true), (epp.Baseline!.Value, epp.Baseline.IsPercent, epp.Targets[2022].Value, epp.Targets[2022].IsPercent));

        // The 8 indicators followed each month and the 2 rates derived from them have their 2022 value: December's, or
        // June's for the three counts declared unreliable after June (and the rates computed from them).
        var achieved = exported.Values.Where(d => d.Achieved.ContainsKey(2022)).ToList();
        Assert.Equal(10, achieved.Count);
        Assert.Equal(2, achieved.Count(d => d.Achieved[2022].IsPercent));
        // The tableau de bord's own niveau d'atteinte (one, in 2020) is kept; 2021 has none.
        Assert.Equal([30m], exported.Values.Where(d => d.Achieved.ContainsKey(2020)).Select(d => d.Achieved[2020].Value));
        Assert.DoesNotContain(exported.Values, d => d.Achieved.ContainsKey(2021));
        Assert.Equal(16_988m, exported.Values.Single(d => d.Label == "Nombre de bilans de santé en école maternelle réalisés par la PMI").Achieved[2022].Value);
        Assert.Equal(367m, exported["O01-NOMBRE-ENTRETIENS-4E-MOIS-REALISES-PMI"].Achieved[2022].Value);
        Assert.Equal(636m, exported.Values.Single(d => d.Label == "Nombre de VAD pré-natales réalisées par des sages-femmes de PMI" && d.Achieved.ContainsKey(2022)).Achieved[2022].Value);
    }

    [Fact]
    public async Task TheLayoutIsTheStatesWithMergedCellsFrenchFormatsAndANoteOnEveryValueThatIsNotDecembers()
    {
        var (services, dep) = await SeededAsync();

        var file = (await services.Get<TableauDeBordExport>().ExportAsync(dep, 2022)).Value!;

        var sheet = ExportedWorkbook.Read(file.Content).Sheets["Tableau de bord"];
        Assert.Contains("E4:G4", sheet.Merges);
        Assert.Contains("H4:J4", sheet.Merges);
        // Engagement 1 opens at row 6; the EPP mesure and objective 1 are merged over its four indicators.
        Assert.Contains("A7:A10", sheet.Merges);
        Assert.Contains("B7:B10", sheet.Merges);
        var june = sheet.Notes.Where(n => n.Value == "valeur au 30 juin 2022 : données des mois suivants déclarées non fiables").ToList();
        // Three counts declared unreliable after June, and the two rates derived from them.
        Assert.Equal(["J10", "J11", "J15", "J16", "J7"], june.Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Contains(sheet.Notes, n => n.Key.StartsWith('H') && n.Value == "Aucune valeur pour 2020 : ni le tableau de bord ni le suivi mensuel n'en donnent.");
        Assert.Equal("0%", sheet.Formats["D10"]);
        Assert.Equal("#,##0", sheet.Formats["D7"]);
    }

    [Fact]
    public async Task WithoutIndicatorsTheExportIsAFrench404()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();

        var outcome = await services.Get<TableauDeBordExport>().ExportAsync(dep, 2022);

        Assert.Equal((Refusal.NotFound, $"Aucun indicateur n'a été importé pour le département {dep.Code} : déposez d'abord son tableau de bord ou son plan d'action."), (outcome.Refused!.Value, outcome.Message));
    }
}
