using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Tests.Ingestion.Kinds;

public sealed class RapportFinancierParserTests
{
    private static WorkbookContent ParseSeed() => new WorkbookParser().Parse(new MemoryStream(SampleWorkbooks.RapportFinancier2022()));

    [Fact]
    public void SeedTableIsDetectedAndEveryFicheLineIsRead()
    {
        var content = ParseSeed();

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal("rapport-financier", sheet.Kind);
        Assert.Equal([2022], sheet.Years);
        var expectedFiches = SeedData.RapportFinancier2022.Where(r => r.Ligne == "fiche").Select(r => r.Fiche).Order().ToList();
        Assert.Equal(expectedFiches, content.BudgetLines.Where(l => l.Fiche is not null).Select(l => l.Fiche).Order().ToList());
        Assert.Equal(SeedData.RapportFinancier2022.Count(r => r.Ligne == "objectif-sans-fiche"), content.BudgetLines.Count(l => l.Fiche is null));
    }

    [Fact]
    public void AmountsOfFicheOneMatchThePublishedReport()
    {
        var fiche1 = ParseSeed().BudgetLines.Single(l => l.Fiche == 1);

        Assert.Equal("Engagement 1", fiche1.Engagement);
        Assert.Equal(839_727m, fiche1.BudgetGlobal);
        Assert.Equal(487_908m, fiche1.Departement);
        Assert.Equal(351_819m, fiche1.Fir);
        Assert.Equal(0m, fiche1.Etat);
        Assert.Equal("FIR", fiche1.Modalite);
        Assert.Equal(223_852m, fiche1.ConsumedBefore);
        Assert.Equal(213_905m, fiche1.ConsumedInYear);
        Assert.Equal(437_757m, fiche1.ConsumedCumulative);
        Assert.StartsWith("Rendre obligatoire l'entretien prénatal", fiche1.Mesure, StringComparison.Ordinal);

        var fiche14 = ParseSeed().BudgetLines.Single(l => l.Fiche == 14);
        Assert.Equal((6_333_838m, 5_870_500m), (fiche14.BudgetGlobal, fiche14.ConsumedCumulative));
    }

    [Fact]
    public void ContinuationLinesInheritTheirMergedMesureAndObjectif()
    {
        var lines = ParseSeed().BudgetLines;

        Assert.Equal(lines.Single(l => l.Fiche == 1).Mesure, lines.Single(l => l.Fiche == 2).Mesure);
        Assert.Equal(lines.Single(l => l.Fiche == 3).Objectif, lines.Single(l => l.Fiche == 5).Objectif);
        Assert.Equal("Engagement 4", lines.Single(l => l.Fiche == 36).Engagement);
        Assert.Equal("Conditions pour y parvenir", lines.Single(l => l.Fiche == 38).Engagement);
    }

    [Fact]
    public void RecomputedTotalsMatchThePrintedTotalsOfDomainFacts()
    {
        var lines = ParseSeed().BudgetLines;

        Assert.Equal(8_677_102m, lines.Where(l => l.Engagement == "Engagement 1").Sum(l => l.BudgetGlobal));
        Assert.Equal(15_152_180m, lines.Where(l => l.Engagement == "Engagement 2").Sum(l => l.BudgetGlobal));
        Assert.Equal(31_117_173m, lines.Sum(l => l.BudgetGlobal));
        Assert.Equal(21_252_748m, lines.Sum(l => l.ConsumedCumulative));
    }

    [Fact]
    public void PublishedInconsistenciesAreFlaggedAsWarningsWithTheirCells()
    {
        var warnings = ParseSeed().Issues.All.Where(i => i.Severity == Severity.Warning).ToList();

        // Engagement 1's consumed-2022 lines sum to 1 848 458 € against a printed 1 848 457 €.
        Assert.Contains(warnings, w => w.Code == "total-incoherent" && w.Message.Contains("Engagement 1", StringComparison.Ordinal) && w.Seen == "1\u00A0848\u00A0457\u00A0€" && w.Expected == "1\u00A0848\u00A0458\u00A0€");

        // The grand totals of consumed 2022 and 2020-2022 are 1 € short of their lines.
        Assert.Contains(warnings, w => w.Code == "total-incoherent" && w.Message.Contains("total général", StringComparison.Ordinal) && w.Seen == "13\u00A0379\u00A0487\u00A0€");
        Assert.Contains(warnings, w => w.Code == "total-incoherent" && w.Message.Contains("total général", StringComparison.Ordinal) && w.Seen == "21\u00A0252\u00A0747\u00A0€");

        // Fiche 40 consumed more than planned; fiche 39 consumed without a budget.
        Assert.Contains(warnings, w => w.Code == "consomme-superieur-prevu" && w.Message.Contains("fiche 40", StringComparison.Ordinal) && w.Cell is not null);
        Assert.Contains(warnings, w => w.Code == "consomme-superieur-prevu" && w.Message.Contains("fiche 39", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.Equal("Rapport financier", w.Sheet));
    }

    [Fact]
    public void MissingYearInHeaderIsAnErrorThatSaysHowToFixIt()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Mesure", "Objectif", "Fiche action N°", "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités", "Budget consommé avant", "Budget consommé en cours", "Cumul" },
            new object?[] { "M", "O", 1.0, "100 €", "100 €", "- €", "- €", "- €", "CD", "- €", "50 €", "50 €" },
        };
        var bytes = Cdppe.Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("Feuil1", rows)]);

        var content = new WorkbookParser().Parse(new MemoryStream(bytes));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal("annee-introuvable", error.Code);
        Assert.Equal("K1", error.Cell);
        Assert.Contains("Budget consommé en 2022", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableAmountIsAnErrorWithSheetCellAndValue()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Fiche action N°", "Budget global", "Département", "FIR", "Etat", "ONDAM", "Budget consommé en 2022" },
            new object?[] { 7.0, "environ 100 €", "100 €", "- €", "- €", "- €", "#REF!" },
        };
        var bad = Cdppe.Pipeline.Ingestion.Xlsx.XlsxWriter.Write([new("Budget", rows)]);

        var content = new WorkbookParser().Parse(new MemoryStream(bad));

        var error = Assert.Single(content.Issues.All, i => i.Code == "montant-illisible");
        Assert.Equal(("Budget", "B2", "environ 100 €"), (error.Sheet, error.Cell, error.Seen));
        Assert.Equal("Feuille « Budget », cellule B2 : Le montant budget global n'est pas un nombre. (vu : « environ 100 € », attendu : un montant en euros, par exemple « 839 727 € » ou « - € »)", error.ToString());
    }

    [Fact]
    public void LinesKeyedByObjectiveAndActionAreReadWithoutFiche()
    {
        var content = new WorkbookParser().Parse(new MemoryStream(SampleWorkbooks.RapportFinancierActions2023()));

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.DoesNotContain(content.Issues.All, i => i.Severity == Severity.Warning);
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal(("rapport-financier", 17), (sheet.Kind, content.BudgetLines.Count));
        Assert.Equal([2023], sheet.Years);
        Assert.All(content.BudgetLines, l => Assert.Null(l.Fiche));

        var a91 = content.BudgetLines.Single(l => l.Action == "Action n°9-1");
        Assert.Equal(("9", "Engagement 2", "ONDAM"), (a91.Objectif, a91.Engagement, a91.Modalite));
        Assert.Equal((646_300m, 182_000m, 464_300m, 300_000m, 300_000m), (a91.BudgetGlobal, a91.Departement, a91.Etat, a91.ConsumedInYear, a91.ConsumedCumulative));

        // 9-2 shares the planned amount merged over both actions: it is counted once.
        var a92 = content.BudgetLines.Single(l => l.Action == "Action n°9-2");
        Assert.Equal(("9", 0m, 182_000m), (a92.Objectif, a92.BudgetGlobal, a92.ConsumedInYear));
        Assert.Equal("19", content.BudgetLines.Single(l => l.Action == "Action 14-3").Objectif);
        Assert.Equal(3_291_668m, content.BudgetLines.Sum(l => l.BudgetGlobal));
        Assert.Equal(2_735_097m, content.BudgetLines.Sum(l => l.ConsumedInYear));
    }

    [Fact]
    public void ActionsSharingAPlannedAmountMustNotConsumeMoreThanIt()
    {
        // Row 16 is action 9-2, under the 646 300 € merged over 9-1 (row 15) and 9-2.
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.RapportFinancierActionsSheet(SeedData.RapportFinancierActions2023, SeedData.Annexe21), ("H16", 400_000.0));

        var content = new WorkbookParser().Parse(new MemoryStream(Cdppe.Pipeline.Ingestion.Xlsx.XlsxWriter.Write([spec])));

        var overrun = Assert.Single(content.Issues.All, i => i.Code == "consomme-superieur-prevu");
        Assert.Equal(("H16", "700\u00A0000\u00A0€", "au plus 646\u00A0300\u00A0€"), (overrun.Cell, overrun.Seen, overrun.Expected));
        Assert.Contains("Action n°9-1, Action n°9-2", overrun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActionTwiceUnderOneObjectiveIsAnError()
    {
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.RapportFinancierActionsSheet(SeedData.RapportFinancierActions2023, SeedData.Annexe21), ("C16", "Action n°9-1"));

        var content = new WorkbookParser().Parse(new MemoryStream(Cdppe.Pipeline.Ingestion.Xlsx.XlsxWriter.Write([spec])));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("action-en-double", "C16"), (error.Code, error.Cell));
    }
}
