using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Ingestion;

public sealed class IndicatorCodesTests
{
    [Theory]
    [InlineData("Part des femmes enceintes  ayant bénéficié d'un entetien du 4e mois réalisé par la PMI", "Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI")]
    [InlineData("Nombre d'entretiens du 4e mois réalisés par la PMI (source DREES / CD)", "Nombre d'entretiens du 4e mois réalisés par la PMI")]
    [InlineData("Nombre de femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI (source DREES / CD) (à produire semestriellement)", "Nombre de femmes ayant bénéficié d'une VAD pré-natale réalisée par une sage-femme de PMI")]
    [InlineData("Nombre d'évaluations d'IP rendues", "Nombre d'IP évaluées")]
    [InlineData("Nombre d'évaluations d'IP rendues dans les délais de 3 mois", "Nombre d'IP évaluées en moins de 3 mois")]
    [InlineData("TAUX D'IP ÉVALUÉES DANS LES DÉLAIS", "Taux d'IP évaluées dans les délais")]
    [InlineData("Nombre de mesures (AEMO/AEMOR) en attente", "Nombre d'AEMO en attente")]
    [InlineData("Part des enfants suivis en situation de handicap bénéficaint d'un PPE", "Part des enfants suivis en situation de handicap et bénéficiant d'un PPE")]
    public void WordingVariantsGiveTheSameCode(string variant, string canonical) =>
        Assert.Equal(IndicatorCodes.Derive(6, canonical), IndicatorCodes.Derive(6, variant));

    [Fact]
    public void OtherSourcesStayDistinctFigures() =>
        Assert.NotEqual(IndicatorCodes.Derive(1, "Nombre d'entretiens du 4e mois réalisés par la PMI (source SNDS)"), IndicatorCodes.Derive(1, "Nombre d'entretiens du 4e mois réalisés par la PMI (source DREES / CD)"));

    [Fact]
    public void CodesCarryTheObjectiveAndAreShortAndUnique()
    {
        Assert.Equal("O06-TAUX-IP-EVALUEES-DELAIS", IndicatorCodes.Derive(6, "Taux d'IP évaluées dans les délais"));
        Assert.StartsWith("OXX-", IndicatorCodes.Derive(null, "Nombre de situations gratifiées"), StringComparison.Ordinal);
        var a = IndicatorCodes.Derive(25, "Nombre de bilans médicaux effectués dans les 15 jours après leur entrée dans le dispositif ASE pour les MNA");
        var b = IndicatorCodes.Derive(25, "Nombre de bilans médicaux effectués dans les 15 jours après leur entrée dans le dispositif ASE pour les jeunes majeurs");
        Assert.NotEqual(a, b);
        Assert.True(a.Length <= 64, a);
    }

    [Theory]
    [InlineData("Taux d'IP évaluées dans les délais", null, IndicatorKind.Rate)]
    [InlineData("Part d'enfants ayant bénéficié d'une VAD", null, IndicatorKind.Rate)]
    [InlineData("Nombre de bilans médicaux effectués dans les 15 jours", "50%", IndicatorKind.Rate)]
    [InlineData("Nombre d'IP entrantes", "6322", IndicatorKind.Count)]
    [InlineData("Niveau de réalisation du protocole", "signature du protocole", IndicatorKind.Milestone)]
    [InlineData("Nombre de demandes de protection juridique", "Indicateur en construction", IndicatorKind.Count)]
    public void KindIsInferredFromLabelAndValues(string label, string? value, IndicatorKind expected) =>
        Assert.Equal(expected, IndicatorCodes.InferKind(label, value is null ? [] : [CellValueParser.ParseText(value)]));

    [Fact]
    public void DerivedRateNamesItsCounts()
    {
        var rate = IndicatorCodes.DerivedRate(IndicatorCodes.Derive(6, "Taux d'IP évaluées dans les délais"));

        Assert.Equal((IndicatorCodes.Derive(6, "Nombre d'évaluations d'IP rendues dans les délais de 3 mois"), IndicatorCodes.Derive(6, "Nombre d'évaluations d'IP rendues")), rate);
        Assert.Null(IndicatorCodes.DerivedRate(IndicatorCodes.Derive(6, "Nombre d'IP entrantes")));
    }

    [Theory]
    [InlineData("Objectif 5 : Permettre qu'à horizon 2022, au niveau national, au moins 20 % des enfants bénéficient de consultations infantiles", 5)]
    [InlineData("Doublé au niveau national les visites à domicile pré et postnatales réalisées par des sages-femmes de PMI en faveur des familles vulnérables Cible nationale à horizon 2022 : doublement", 3)]
    [InlineData("Atteindre à horizon 2023 un taux de couverture par la PMI d'au moins 20 % des entretiens prénatals précoces au niveau national", 1)]
    [InlineData("Favoriser l'accès aux droits et l'accompagnement vers l'autonomie des anciens MNA", 25)]
    [InlineData("Renforcer l'ODPE", 11)]
    [InlineData("26", 26)]
    [InlineData("Sans objectif", null)]
    [InlineData("Améliorer la météo", null)]
    public void ObjectivesAreRecognisedByNumberOrWording(string text, int? expected) => Assert.Equal(expected, NationalObjectives.Match(text));
}
