using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Tests.Ingestion.Kinds;

public sealed class ObjectivePlanParsersTests
{
    [Fact]
    public void SynthesisGivesOneLinePerObjectiveWithTheSeedTotals()
    {
        var content = PlanActionParserTests.Parse(SampleWorkbooks.SyntheseObjectifs());

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.DoesNotContain(content.Issues.All, i => i.Severity == Severity.Warning);
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal("synthese-objectifs", sheet.Kind);
        Assert.Equal([2020, 2021, 2022], sheet.Years);
        Assert.Equal(27, content.ObjectivePlans.Count);
        Assert.All(content.ObjectivePlans, p => Assert.Equal("2020-2022", p.Period));
        var o1 = content.ObjectivePlans.Single(p => p.Objectif == 1);
        Assert.Equal((546_860m, 377_242m, 924_102m, "FIR"), (o1.Departement!.Value, o1.Etat!.Value, o1.Total!.Value, o1.Modalite));
        Assert.Equal([1, 2], o1.Fiches);
        Assert.Equal("Engagement 1", o1.Engagement);
        Assert.Contains(2022, o1.Actions.Keys);
        Assert.Equal([25, 38, 40], content.ObjectivePlans.Single(p => p.Objectif is null).Fiches);
        Assert.Equal(16_610_570m, content.ObjectivePlans.Sum(p => p.Departement ?? 0));
        Assert.Equal("Renforcer les CRIP", content.ObjectivePlans.Single(p => p.Objectif == 7).Mesure);
    }

    [Fact]
    public void SynthesisTotalRowIsChecked()
    {
        var spec = SampleWorkbooks.SyntheseObjectifsSheet(SeedData.Synthese);
        var last = SampleWorkbooks.LastRow(spec);

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([SampleWorkbooks.WithCells(spec, ($"H{last}", "14 224 600 €"))]));

        var warning = Assert.Single(content.Issues.All);
        Assert.Equal(("total-incoherent", $"H{last}", FrenchFormat.Euros(14_224_603m)), (warning.Code, warning.Cell, warning.Expected));
    }

    [Fact]
    public void AnnexeGivesThe2023PlanWith2024Funding()
    {
        var content = PlanActionParserTests.Parse(SampleWorkbooks.Annexe21());

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal("annexe-2-1", sheet.Kind);
        Assert.Equal([2023, 2024], sheet.Years);
        Assert.Equal(16, content.ObjectivePlans.Count);
        var o9 = content.ObjectivePlans.Single(p => p.Objectif == 9);
        Assert.Equal((182_000m, 464_300m, 646_300m, 464_300m, "ONDAM"), (o9.Departement!.Value, o9.Etat!.Value, o9.Total!.Value, o9.NextYearFunding!.Value, o9.Modalite));

        // Actions 14-2 and 14-3 continue objective 19 on rows without a number.
        var o19 = content.ObjectivePlans.Where(p => p.Objectif == 19).ToList();
        Assert.Equal(3, o19.Count);
        Assert.Equal(996_866m, o19[2].Departement);
        Assert.Equal(1_500m, content.ObjectivePlans.Single(p => p.Objectif == 10).AutresMontant);
    }

    [Fact]
    public void AnnexeObjectiveNumberMustMatchItsWording()
    {
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.Annexe21Sheet(SeedData.Annexe21), ("B7", 3.0));

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([spec]));

        var warning = Assert.Single(content.Issues.All, i => i.Severity == Severity.Warning);
        Assert.Equal(("objectif-incoherent", "B7", "3", "1"), (warning.Code, warning.Cell, warning.Seen, warning.Expected));
    }

    [Fact]
    public void AnnexeObjectiveOutOfRangeIsAnError()
    {
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.Annexe21Sheet(SeedData.Annexe21), ("B7", 42.0));

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([spec]));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("objectif-invalide", "B7"), (error.Code, error.Cell));
    }

    [Fact]
    public void AnnexeInTheSeedsOwnLayoutReadsEveryObjectiveWithItsSourceAndBothYears()
    {
        var content = PlanActionParserTests.Parse(SampleWorkbooks.Annexe21SeedLayout());

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.DoesNotContain(content.Issues.All, i => i.Severity == Severity.Warning);
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal(("annexe-2-1", 16), (sheet.Kind, content.ObjectivePlans.Count));
        Assert.Equal([2023, 2024], sheet.Years);

        // The column of FIR / 304 / ONDAM has no label: "Département" is written over it.
        var shifted = Assert.Single(content.Issues.All, i => i.Code == "colonne-source-sans-intitule");
        Assert.Equal(("Plan d'action", "E12"), (shifted.Sheet, shifted.Cell));

        var o1 = content.ObjectivePlans.Single(p => p.Objectif == 1);
        Assert.Equal(("FIR", 0m, 119_622m, 119_622m, 119_622m), (o1.Modalite, o1.Departement!.Value, o1.Etat!.Value, o1.Total!.Value, o1.NextYearFunding!.Value));
        var o6 = content.ObjectivePlans.Single(p => p.Objectif == 6);
        Assert.Equal(("304", 45_000m, 45_000m, 100_000m), (o6.Modalite, o6.Etat!.Value, o6.Total!.Value, o6.NextYearFunding!.Value));
        var o9 = content.ObjectivePlans.Single(p => p.Objectif == 9);
        Assert.Equal(("ONDAM", 182_000m, 464_300m, 646_300m, 464_300m), (o9.Modalite, o9.Departement!.Value, o9.Etat!.Value, o9.Total!.Value, o9.NextYearFunding!.Value));
        Assert.Equal(["9-1", "9-2"], ContractActions.Split(o9.Actions[2023]).Select(a => a.Code));
        Assert.Equal("Engagement 2", o9.Engagement);

        // Actions 14-2 and 14-3 continue objective 19 on rows without its number.
        var o19 = content.ObjectivePlans.Where(p => p.Objectif == 19).ToList();
        Assert.Equal([387_000m, 0m, 0m], o19.Select(p => p.Etat!.Value));
        Assert.Equal([0m, 0m, 996_866m], o19.Select(p => p.Departement!.Value));
        Assert.Equal([387_000m, 125_000m, 328_389m], o19.Select(p => p.NextYearFunding!.Value));
        Assert.Equal("14-3", ContractActions.CodeOf(o19[2].Actions[2023]));

        // Other funding in words, with its amount.
        var o10 = content.ObjectivePlans.Single(p => p.Objectif == 10);
        Assert.Equal(("1500 € en report de crédits 2022 (BOP 304)", 1_500m), (o10.AutresFinancements, o10.AutresMontant!.Value));
        Assert.Equal("Engagement 3", o10.Engagement);
        Assert.Equal("Conditions pour y parvenir", content.ObjectivePlans.Single(p => p.Objectif == 11).Engagement);
        Assert.Equal(2_112_802m, content.ObjectivePlans.Sum(p => p.Etat ?? 0));
    }

    [Fact]
    public void AnnexeWithABlankSourceLabelAndMontantUnderTheNextYearReadsTheSame()
    {
        // The same table with the sub-header written one column to the right: the source column's label is blank,
        // "Financements 2023" alone over it must not be taken for the next year's column.
        var spec = SampleWorkbooks.WithCells(
            SampleWorkbooks.Annexe21SeedLayoutSheet(SeedData.Annexe21),
            ("E12", null), ("F12", "Département"), ("G12", "État"), ("H12", "Total pour l'objectif"), ("I12", "Autres financements (Précisez la source)"), ("J12", "Montant"));

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([spec]));

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.DoesNotContain(content.Issues.All, i => i.Severity == Severity.Warning || i.Code == "colonne-source-sans-intitule");
        Assert.Equal([2023, 2024], Assert.Single(content.Sheets).Years);
        var o9 = content.ObjectivePlans.Single(p => p.Objectif == 9);
        Assert.Equal(("ONDAM", 182_000m, 464_300m, 646_300m, 464_300m), (o9.Modalite, o9.Departement!.Value, o9.Etat!.Value, o9.Total!.Value, o9.NextYearFunding!.Value));
        Assert.Equal(1_500m, content.ObjectivePlans.Single(p => p.Objectif == 10).AutresMontant);
    }

    [Fact]
    public void AnnexeOf2024HasItsOwnYearAndTheSeedsFinancements2024AsTotals()
    {
        var content = PlanActionParserTests.Parse(SampleWorkbooks.Annexe21(SeedData.Annexe21Of2024));

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.DoesNotContain(content.Issues.All, i => i.Severity == Severity.Warning);
        Assert.Equal([2024], Assert.Single(content.Sheets).Years);
        Assert.All(content.ObjectivePlans, p => Assert.Equal("2024", p.Period));
        var o6 = content.ObjectivePlans.Single(p => p.Objectif == 6);
        Assert.Equal((100_000m, "304", (decimal?)null, (decimal?)null), (o6.Total!.Value, o6.Modalite, o6.Departement, o6.NextYearFunding));
        Assert.Equal([387_000m, 125_000m, 328_389m], content.ObjectivePlans.Where(p => p.Objectif == 19).Select(p => p.Total!.Value));
    }

    [Fact]
    public void ActionsOfACellAreSplitByTheirNumbers()
    {
        var actions = ContractActions.Split("Action n°9-1: Création, par renforcement du PCPE, d'une équipe d'appui aux professionnels de l'ASE Action n°9-2: Création à l'IME Saint-André de Cernay et à l'IME Saint-Joseph de Colmar, d'une unité de vie ouverte toute l'année et dédiée aux enfants confiés en situation de handicap");

        Assert.Equal(["9-1", "9-2"], actions.Select(a => a.Code));
        Assert.Equal("Création, par renforcement du PCPE, d'une équipe d'appui aux professionnels de l'ASE", actions[0].Label);
        Assert.Equal(new ContractAction("14-2", "renforcement des services famille au sein des MECS et des Foyers"), Assert.Single(ContractActions.Split("Action 14-2 : renforcement des services famille au sein des MECS et des Foyers")));
        Assert.Equal(new ContractAction(null, "Renforcer l'ODPE"), Assert.Single(ContractActions.Split("Renforcer l'ODPE")));
        Assert.Equal("12", ContractActions.CodeOf("Action n°12"));
        Assert.Null(ContractActions.CodeOf("Actions à mettre en œuvre 2023"));
    }
}
