using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Tests.Ingestion;

/// <summary>The ingestion settings: their defaults, their bounds and the refusal's French text.</summary>
public sealed class IngestionOptionsTests
{
    [Fact]
    public void TheDefaultsAreFourDepartementsAtOnceAndTwoMinutesPerFile()
    {
        var options = new IngestionOptions();

        Assert.Equal((4, 120d, true), (options.MaxParallelDepartements, options.TimeBudgetSeconds, options.IsValid));
        Assert.Equal(
            "Le classeur n'a pas pu être lu en 120 secondes (limite de temps par fichier) : il est refusé. Vérifiez qu'il ne contient pas de lignes ou de colonnes répétées en très grand nombre, puis déposez-le à nouveau.",
            options.TimeBudgetMessage());
    }

    [Theory]
    [InlineData(1200, "en 1\u00A0200 secondes (")]
    [InlineData(1.5, "en 1,5 seconde (")]
    public void TheLimitIsWrittenWithFrenchNumbers(double seconds, string expected)
    {
        Assert.Contains(expected, new IngestionOptions { TimeBudgetSeconds = seconds }.TimeBudgetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 120)]
    [InlineData(65, 120)]
    [InlineData(4, 0)]
    [InlineData(4, -1)]
    [InlineData(4, 3_601)]
    public void SettingsOutOfTheirBoundsAreInvalid(int departements, double seconds)
    {
        Assert.False(new IngestionOptions { MaxParallelDepartements = departements, TimeBudgetSeconds = seconds }.IsValid);
    }
}
