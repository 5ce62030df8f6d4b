using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Tests.Ingestion.Kinds;

public sealed class PlanActionParserTests
{
    private static readonly Lazy<WorkbookContent> Seed = new(() => Parse(SampleWorkbooks.PlanAction()));

    internal static WorkbookContent Parse(byte[] bytes) => new WorkbookParser().Parse(new MemoryStream(bytes));

    [Fact]
    public void SeedPlanIsDetectedWithItsFortyFichesAndThreeYears()
    {
        var content = Seed.Value;

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal("plan-action", sheet.Kind);
        Assert.Equal([2020, 2021, 2022], sheet.Years);
        Assert.Equal(Enumerable.Range(1, 40), content.Fiches.Select(f => f.Numero));
        Assert.Equal(120, content.PlannedFunding.Count);
    }

    [Fact]
    public void FicheFourteenHasTheSeedFiguresPerYearAndFunder()
    {
        var content = Seed.Value;

        var fiche = content.Fiches.Single(f => f.Numero == 14);
        Assert.Equal((6_333_838m, 19, "fondamental", "ASE"), (fiche.PlannedTotal!.Value, fiche.Objectif!.Value, fiche.Nature, fiche.Theme));
        var y2021 = content.PlannedFunding.Single(p => p.Fiche == 14 && p.Year == 2021);
        Assert.Equal((9_000m, 1_787_500m, 1_796_500m, 366_505m, 0m, 0m), (y2021.MasseSalariale, y2021.BudgetDgas, y2021.Departement, y2021.Etat, y2021.Fir, y2021.Ondam));
        Assert.Equal(6_333_838m, content.PlannedFunding.Where(p => p.Fiche == 14).Sum(p => p.Total));
    }

    [Fact]
    public void IndicatorsGetStableCodesTargetsKindsAndFiches()
    {
        var indicators = Seed.Value.Indicators.Select(i => i.Definition).ToDictionary(d => d.Code);

        // "entetien" (typo, fiches 1 and 2) is the same indicator as the tableau de bord's "entretien".
        var epp = indicators[IndicatorCodes.Derive(1, "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI")];
        Assert.Equal([1, 2], epp.Fiches);
        Assert.Equal(IndicatorKind.Rate, epp.Kind);
        Assert.Equal(new IndicatorFigure(0.15m, true, null), epp.Targets[2022]);
        var vad = indicators[IndicatorCodes.Derive(3, "Part des femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI")];
        Assert.Equal(0.029m, vad.Targets[2020].Value);
        var protocol = indicators["O02-NIVEAU-REALISATION-PROTOCOLE"];
        Assert.Equal(IndicatorKind.Milestone, protocol.Kind);
        Assert.Equal(["Discussion", "signature du protocole", "mise en œuvre"], protocol.Milestones);
        var ip = indicators["O06-TAUX-IP-EVALUEES-DELAIS"];
        Assert.Equal(("O06-NOMBRE-IP-EVALUEES-MOINS-3-MOIS", "O06-NOMBRE-IP-EVALUEES"), (ip.NumeratorCode, ip.DenominatorCode));
        Assert.True(ip.Fundamental);
        Assert.Equal(IndicatorKind.Count, indicators["O19-NOMBRE-AEMO-ATTENTE"].Kind);
        Assert.Equal(250m, indicators["O19-NOMBRE-AEMO-ATTENTE"].Targets[2021].Value);
        Assert.Equal("Indicateur en construction", indicators.Values.Single(d => d.Fiches.Contains(31)).Targets[2022].Text);
    }

    [Fact]
    public void SeedInconsistenciesAreWarningsWithTheirCells()
    {
        var warnings = Seed.Value.Issues.All.Where(i => i.Severity == Severity.Warning).ToList();

        Assert.Contains(warnings, w => w.Code == "total-absent" && w.Message.StartsWith("Fiche 39", StringComparison.Ordinal) && w.Expected == FrenchFormat.Euros(18_000m));
        Assert.Contains(warnings, w => w.Code == "total-absent" && w.Message.StartsWith("Fiche 40", StringComparison.Ordinal) && w.Expected == FrenchFormat.Euros(1_711_332m));
        Assert.Contains(warnings, w => w.Code == "annees-total" && w.Message.StartsWith("Fiche 40", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Code == "cofinancement-source" && w.Message.StartsWith("Fiche 18", StringComparison.Ordinal) && w.Cell!.StartsWith('Y'));
        Assert.Contains(warnings, w => w.Code == "nature-incoherente" && w.Message.Contains("n° 14", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Code == "indicateur-sans-libelle" && w.Message.Contains("n° 7", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Code == "total-incoherent");
        Assert.All(warnings, w => Assert.Equal("Plan d'action", w.Sheet));
    }

    [Fact]
    public void SeedLayoutWithoutGroupRowReadsTheSameFigures()
    {
        var content = Parse(XlsxWriter.Write([SampleWorkbooks.PlanActionSheet(SeedData.PlanAction, groupRow: false)]));

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.Equal(Seed.Value.PlannedFunding.Select(p => (p.Fiche, p.Year, p.Total, p.Fir)), content.PlannedFunding.Select(p => (p.Fiche, p.Year, p.Total, p.Fir)));
        Assert.Equal(Seed.Value.Indicators.Select(i => i.Definition.Code), content.Indicators.Select(i => i.Definition.Code));
    }

    [Fact]
    public void FicheTotalsAndGrandTotalAreCheckedColumnByColumn()
    {
        var spec = SampleWorkbooks.PlanActionSheet(SeedData.PlanAction);
        var last = SampleWorkbooks.LastRow(spec);
        var faulty = SampleWorkbooks.WithCells(spec, ("L6", "91 865 €"), ($"M{last}", "383 000 €"));

        var content = Parse(XlsxWriter.Write([faulty]));

        Assert.Contains(content.Issues.All, i => i.Code == "financeurs-total" && i.Cell == "L6" && i.Seen == FrenchFormat.Euros(91_865m) && i.Expected == FrenchFormat.Euros(81_865m));
        var totals = content.Issues.All.Where(i => i.Code == "total-incoherent").ToList();
        Assert.Equal([$"L{last}", $"M{last}"], totals.Select(t => t.Cell));
        Assert.Equal((FrenchFormat.Euros(29_105_841m), FrenchFormat.Euros(29_115_841m)), (totals[0].Seen, totals[0].Expected));
        Assert.Equal((FrenchFormat.Euros(383_000m), FrenchFormat.Euros(383_700m)), (totals[1].Seen, totals[1].Expected));
    }

    [Fact]
    public void DuplicateFicheNumberIsAnErrorWithItsCell()
    {
        var fiches = SeedData.PlanAction.Take(3).Append(SeedData.PlanAction[1]).ToList();

        var content = Parse(SampleWorkbooks.PlanAction(fiches));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal("fiche-en-double", error.Code);
        Assert.Equal("A7", error.Cell);
        Assert.Contains("première fois en A5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1 500 €", "montant-negatif")]
    [InlineData("environ 3 000 €", "montant-illisible")]
    [InlineData("#REF!", "formule-en-erreur")]
    [InlineData("2 000 000 000 000 €", "montant-hors-limite")]
    public void BadAmountIsAnErrorWithSheetCellAndValue(string amount, string code)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "N° fiche", "Intitulé fiche", "Indicateur", "2020", "Moyens financiers prévisionnels", "2020", "Total masse salariale" },
            new object?[] { 1.0, "Fiche", "Nombre de VAD", "10", "1 000 €", amount, "1 000 €" },
        };

        var content = Parse(XlsxWriter.Write([new("PA", rows)]));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal((code, "PA", "F2", amount), (error.Code, error.Sheet, error.Cell, error.Seen));
    }

    [Fact]
    public void AmountOnAContinuationRowIsAnErrorRatherThanLost()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "N° fiche", "Intitulé fiche", "Indicateur", "2020", "Moyens financiers prévisionnels" },
            new object?[] { 1.0, "Fiche", "Nombre de VAD", "10", "1 000 €" },
            new object?[] { null, null, "Nombre de visites", "12", "500 €" },
        };

        var content = Parse(XlsxWriter.Write([new("PA", rows)]));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("montant-sans-fiche", "E3"), (error.Code, error.Cell));
        Assert.Equal(2, content.Indicators.Count);
    }

    [Fact]
    public void MissingYearsAreAnErrorThatSaysHowToFixThem()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "N° fiche", "Intitulé fiche", "Indicateur", "Cible", "Moyens financiers prévisionnels" },
            new object?[] { 1.0, "Fiche", "Nombre de VAD", "10", "1 000 €" },
        };

        var content = Parse(XlsxWriter.Write([new("PA", rows)]));

        var error = Assert.Single(content.Issues.All);
        Assert.Equal(("annee-introuvable", "C1"), (error.Code, error.Cell));
        Assert.Contains("« 2020 »", error.Message, StringComparison.Ordinal);
    }
}
