using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Model;

/// <summary>The report's French typography: what must never be broken at a line's end.</summary>
public sealed class FrenchTypographyTests
{
    [Theory]
    [InlineData("Objectif 9 : Garantir", "Objectif 9\u00A0: Garantir")]
    [InlineData("feuille « Plan d'action »", "feuille «\u00A0Plan d'action\u00A0»")]
    [InlineData("(somme des lignes) ; le classeur", "(somme des lignes)\u00A0; le classeur")]
    [InlineData("Pourquoi ? Enfin !", "Pourquoi\u00A0? Enfin\u00A0!")]
    [InlineData("valeur et % du total : 1 500 €", "valeur et\u00A0% du total\u00A0: 1\u00A0500\u00A0€")]
    [InlineData("100 000/AM", "100\u00A0000\u2060/\u2060AM")]
    [InlineData("ONDAM/ETAT", "ONDAM\u2060/\u2060ETAT")]
    [InlineData("Mieux articuler les contrôles Etat / département", "Mieux articuler les contrôles Etat / département")]
    [InlineData("entre 2020 et 2022, fiches 9 et 40", "entre 2020 et 2022, fiches 9 et 40")]
    [InlineData("{{statut | sinon:\"—\"}}", "{{statut | sinon:\"—\"}}")]
    public void NoBreakSpacesWhereFrenchTypographyWantsThem(string text, string printed) =>
        Assert.Equal(printed, FrenchTypography.Apply(text));
}
