using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>The 2024 Annexe 2.1 started from seed 002's 2023 annexe, and dropped back as it is.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnnexeExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The2024AnnexeCarriesThe2023ActionsAndThe2024AmountsAndReadsBackIdentical()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21());

        var file = (await services.Get<AnnexeExport>().ExportAsync(dep, 2024)).Value!;

        Assert.Equal($"annexe-2-1-{dep.Code}-2024.xlsx", file.FileName);
        var before = new WorkbookParser().Parse(new MemoryStream(SampleWorkbooks.Annexe21())).ObjectivePlans;
        var back = new WorkbookParser().Parse(new MemoryStream(file.Content));
        Assert.Equal(["annexe-2-1"], back.Kinds);
        Assert.False(back.Issues.HasErrors, string.Join("\n", back.Issues.Detailed.Select(i => i.Message)));
        var plans = back.ObjectivePlans;
        Assert.All(plans, p => Assert.Equal(("2024-2025", 2025), (p.Period, p.NextYear!.Value)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 19, 19, 21, 10, 25, 11], plans.Select(p => p.Objectif ?? 0));
        Assert.Equal(before.Select(p => p.Actions[2023]), plans.Select(p => p.Actions[2024]));
        Assert.Equal("Action 14-3 : création de places en PAD", plans[11].Actions[2024]);
        Assert.Equal([119_622m, 81_772m, 119_622m, 83_622m, 145_722m, 100_000m, 25_000m, 50_000m, 464_300m, 387_000m, 125_000m, 328_389m, 401_111m, 0m, 25_031m, 0m], plans.Select(p => p.Total ?? -1));
        Assert.Equal(2_456_191m, plans.Sum(p => p.Total));
        Assert.All(plans, p => Assert.Null(p.NextYearFunding));
        Assert.Equal("Atteindre à horizon 2022 un taux de couverture par la PMI d'au moins 20 % des entretiens prénataux précoces au niveau national", plans[0].Libelle);

        // The total row and the recap ("tableau vert") are formulas.
        var workbook = ExportedWorkbook.Read(file.Content);
        var total = workbook.Sheets["Plan d'action"].Formulas.Single(f => f.Key.StartsWith('H'));
        Assert.StartsWith("SUM(H12:H", total.Value, StringComparison.Ordinal);
        Assert.Equal($"'Plan d''action'!{total.Key}", workbook.Sheets["Récapitulatif"].Formulas["B5"]);
    }

    [Fact]
    public async Task WithoutTheAnnexeOfTheYearBeforeTheExportIsAFrench404()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21());

        var outcome = await services.Get<AnnexeExport>().ExportAsync(dep, 2026);

        Assert.Equal((Refusal.NotFound, $"Aucune annexe 2.1 2025 n'a été importée pour le département {dep.Code} : l'annexe 2026 part des actions et des montants prévus pour 2026 par celle de 2025."), (outcome.Refused!.Value, outcome.Message));
    }
}
