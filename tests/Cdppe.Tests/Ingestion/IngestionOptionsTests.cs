using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Tests.Ingestion;

/// <summary>The ingestion settings: their defaults and their bounds.</summary>
public sealed class IngestionOptionsTests
{
    [Fact]
    public void TheDefaultsAreFourDepartementsAtOnceAndTwoMinutesPerFile()
    {
        var options = new IngestionOptions();

        Assert.Equal((4, 120d, true), (options.MaxParallelDepartements, options.TimeBudgetSeconds, options.IsValid));
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
