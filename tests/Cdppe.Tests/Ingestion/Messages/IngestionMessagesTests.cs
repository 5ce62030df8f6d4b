using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Ingestion.Messages;

/// <summary>Texts and structured fields of the catalogue's messages that no workbook test reaches.</summary>
public sealed class IngestionMessagesTests
{
    [Fact]
    public void TheTimeBudgetRefusalNamesTheLimit()
    {
        var issue = IngestionMessages.TimeBudgetExceeded(120);

        Assert.Equal((Severity.Error, "delai-depasse"), (issue.Severity, issue.Code));
        Assert.Equal(
            "Le classeur n'a pas pu être lu en 120 secondes (limite de temps par fichier) : il est refusé. Vérifiez qu'il ne contient pas de lignes ou de colonnes répétées en très grand nombre, puis déposez-le à nouveau.",
            issue.Message);
    }

    [Theory]
    [InlineData(1200, "en 1\u00A0200 secondes (")]
    [InlineData(1.5, "en 1,5 seconde (")]
    public void TheLimitIsWrittenWithFrenchNumbers(double seconds, string expected)
    {
        Assert.Contains(expected, IngestionMessages.TimeBudgetExceeded(seconds).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrintedSubTotalOfTheRapportFinancierCarriesItsColumnAndEngagement()
    {
        var issue = IngestionMessages.BudgetTotalMismatch("ConsumedInYear", "consommé dans l'année", "Engagement 1", 1_848_457m, 1_848_458m, "RF", "K21");

        Assert.Equal(("total-incoherent", "rapport-financier", "ConsumedInYear", "Engagement 1"), (issue.Code, issue.Kind, issue.Column, issue.Engagement));
        Assert.Equal("Colonne consommé dans l'année : le sous-total de « Engagement 1 » imprimé ne correspond pas à la somme des lignes (écart de -1\u00A0€).", issue.Message);
    }
}
