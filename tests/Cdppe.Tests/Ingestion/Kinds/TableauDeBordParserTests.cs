using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Tests.Ingestion.Kinds;

public sealed class TableauDeBordParserTests
{
    private static readonly Lazy<WorkbookContent> Seed = new(() => PlanActionParserTests.Parse(SampleWorkbooks.TableauDeBord()));

    private static Dictionary<string, IndicatorDefinition> Indicators => Seed.Value.Indicators.ToDictionary(i => i.Definition.Code, i => i.Definition);

    [Fact]
    public void SeedDashboardIsReadWithEveryIndicatorOnce()
    {
        var content = Seed.Value;

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal("tableau-de-bord", sheet.Kind);
        Assert.Equal([2020, 2021, 2022], sheet.Years);

        // 71 rows in the seed; "Part des femmes ayant bénéficié d'une VAD post-natale…" is written twice, empty.
        Assert.Equal(70, content.Indicators.Count);
        Assert.All(content.Indicators, i => Assert.Equal("tableau-de-bord", i.Kind));
    }

    [Fact]
    public void BaselineTargetsDateAndSourceAreRead()
    {
        var epp = Indicators["O01-NOMBRE-ENTRETIENS-4E-MOIS-REALISES-PMI"];
        Assert.Equal((734m, "2018", "RA DPMIPE 2018", IndicatorKind.Count), (epp.Baseline!.Value!.Value, epp.BaselineDate, epp.Source, epp.Kind));

        // "(source SNDS)" is another figure (243), not an alias of the département's own count.
        Assert.Equal(243m, Indicators["O01-NOMBRE-ENTRETIENS-4E-MOIS-REALISES-PMI-SNDS"].Baseline!.Value);

        var bilans = Indicators["O02-NOMBRE-BILANS-SANTE-ECOLE-MATERNELLE-REALISES-PMI"];
        Assert.Equal((16_988m, 17_593m), (bilans.Baseline!.Value!.Value, bilans.Targets[2022].Value!.Value));

        var ip = Indicators["O06-TAUX-IP-EVALUEES-DELAIS"];
        Assert.Equal(new IndicatorFigure(0.34m, true, null), ip.Baseline);
        Assert.Equal((IndicatorKind.Rate, "O06-NOMBRE-IP-EVALUEES-MOINS-3-MOIS", "O06-NOMBRE-IP-EVALUEES"), (ip.Kind, ip.NumeratorCode, ip.DenominatorCode));
        Assert.Equal(998m, Indicators[ip.NumeratorCode!].Baseline!.Value);
        Assert.Equal(2_932m, Indicators[ip.DenominatorCode!].Baseline!.Value);
        Assert.Equal(0.063m, Indicators["O05-PART-ENFANTS-AYANT-BENEFICIE-EXAMEN-CLINIQUE-MEDECIN-PMI"].Baseline!.Value);
        Assert.Equal("NC", Indicators.Values.First(d => d.Label.StartsWith("Délai d'exécution", StringComparison.Ordinal)).Baseline!.Text);
        Assert.Equal("Pas d'indicateur", Indicators.Values.Single(d => d.Label.Contains("notification MDPH", StringComparison.Ordinal)).Targets[2020].Text);
    }

    [Fact]
    public void SameIndicatorFromPlanAndDashboardHasOneCode()
    {
        var plan = PlanActionParserTests.Parse(SampleWorkbooks.PlanAction()).Indicators.Select(i => i.Definition.Code).ToHashSet();

        var shared = Indicators.Keys.Where(plan.Contains).ToList();

        Assert.True(shared.Count >= 29, string.Join(", ", shared));
        Assert.Contains("O06-TAUX-IP-EVALUEES-DELAIS", shared);
        Assert.Contains("O19-NOMBRE-AEMO-ATTENTE", shared);
        Assert.Contains("O09-PART-ENFANTS-SUIVIS-SITUATION-HANDICAP-BENEFICIANT-PPE", shared);
        Assert.Contains(IndicatorCodes.Derive(1, "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI"), shared);
        Assert.Contains("O25-PART-MNA-DISPOSANT-REFERENT-ASE", shared);
    }

    [Fact]
    public void CellsHoldingTwoValuesAreKeptAsTextWithAWarning()
    {
        var warnings = Seed.Value.Issues.All.Where(i => i.Code == "plusieurs-valeurs").ToList();

        Assert.Equal(6, warnings.Count);
        Assert.Contains(warnings, w => w.Seen == "0 10" && w.Cell!.StartsWith('E'));
    }

    [Fact]
    public void HeaderRepeatedOnANewPageIsSkipped()
    {
        var withRepeat = Seed.Value;
        var without = PlanActionParserTests.Parse(SampleWorkbooks.TableauDeBord(repeatHeader: false));

        Assert.Equal(without.Indicators.Select(i => i.Definition.Code), withRepeat.Indicators.Select(i => i.Definition.Code));
    }

    [Fact]
    public void FormulaErrorInATargetIsAnErrorWithItsCell()
    {
        var spec = SampleWorkbooks.WithCells(SampleWorkbooks.TableauDeBordSheet(SeedData.TableauDeBord), ("F10", new XlsxFormula("E10*1,1", "#REF!")));

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([spec]));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("formule-en-erreur", "F10", "#REF!"), (error.Code, error.Cell, error.Seen));
        Assert.Contains("cible 2021", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingYearRowIsAnErrorThatSaysHowToFixIt()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Mesure", "Objectif", "Indicateur", "Niveau cible de l'objectif", "Niveau d'atteinte" },
            new object?[] { "M", "Renforcer l'ODPE", "Nombres de rencontres de l'ODPE", "3", null },
        };

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([new("TDB", rows)]));

        var error = Assert.Single(content.Issues.All);
        Assert.Equal(("annee-introuvable", "D1"), (error.Code, error.Cell));
    }
}
