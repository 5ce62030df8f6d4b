using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>The rapport financier of 2022 as a workbook with formulas, and dropped back as it is.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RapportFinancierExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The2022TableComesBackAsARapportFinancierWithTheSameLinesAndItsTotalsAsFormulas()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());

        var file = (await services.Get<RapportFinancierExport>().ExportAsync(dep, 2022)).Value!;

        Assert.Equal($"rapport-financier-{dep.Code}-2022.xlsx", file.FileName);
        var original = new WorkbookParser().Parse(new MemoryStream(SampleWorkbooks.RapportFinancier2022())).BudgetLines;
        var back = new WorkbookParser().Parse(new MemoryStream(file.Content));
        Assert.Equal(["rapport-financier"], back.Kinds);
        Assert.False(back.Issues.HasErrors, string.Join("\n", back.Issues.Detailed.Select(i => i.Message)));
        Assert.Equal(
            original.Select(l => (l.Engagement, l.Fiche, l.BudgetGlobal, l.Departement, l.Fir, l.Etat, l.Ondam, l.Modalite, l.ConsumedBefore, l.ConsumedInYear, l.ConsumedCumulative)),
            back.BudgetLines.Select(l => (l.Engagement, l.Fiche, l.BudgetGlobal, l.Departement, l.Fir, l.Etat, l.Ondam, l.Modalite, l.ConsumedBefore, l.ConsumedInYear, l.ConsumedCumulative)));
        Assert.Equal((31_117_173m, 21_252_748m), (back.BudgetLines.Sum(l => l.BudgetGlobal), back.BudgetLines.Sum(l => l.ConsumedCumulative)));
        Assert.Equal(8_677_102m, back.BudgetLines.Where(l => l.Engagement.StartsWith("Engagement 1", StringComparison.Ordinal)).Sum(l => l.BudgetGlobal));

        // Sub-totals and total are formulas; the rate and what is left are computed per line.
        var sheet = ExportedWorkbook.Read(file.Content).Sheets["Rapport financier"];
        var total = sheet.Formulas.Where(f => f.Key.StartsWith('D') && f.Value.Contains('+', StringComparison.Ordinal)).ToList();
        Assert.Single(total);
        Assert.Equal(5, sheet.Formulas.Count(f => f.Key.StartsWith('D') && f.Value.StartsWith("SUM(", StringComparison.Ordinal)));
        Assert.Equal("D5-L5", sheet.Formulas["M5"]);
        Assert.Equal("IF(D5=0,\"\",L5/D5)", sheet.Formulas["N5"]);
        Assert.Equal(("#,##0 \"€\"", "0.0%"), (sheet.Formats["D5"], sheet.Formats["N5"]));
    }

    [Fact]
    public async Task WithoutARapportFinancierTheExportIsAFrench404()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "tableau-de-bord-2020.xlsx", SampleWorkbooks.TableauDeBord());

        var outcome = await services.Get<RapportFinancierExport>().ExportAsync(dep, 2022);

        Assert.Equal((Refusal.NotFound, $"Aucun rapport financier 2022 n'a été importé pour le département {dep.Code} : déposez d'abord son rapport financier."), (outcome.Refused!.Value, outcome.Message));
    }
}
