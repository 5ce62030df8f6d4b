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
}
