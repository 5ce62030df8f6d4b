using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Tests.Ingestion;

public sealed class CellValueParserTests
{
    [Theory]
    [InlineData("839 727 €", 839727)]
    [InlineData("839\u00A0727\u00A0€", 839727)]
    [InlineData("1\u202F027\u202F000 €", 1027000)]
    [InlineData("- €", 0)]
    [InlineData("-  €", 0)]
    [InlineData("0 €", 0)]
    [InlineData("100.000", 100000)]
    [InlineData("1 234,50", 1234.5)]
    [InlineData("6322", 6322)]
    [InlineData("16 988", 16988)]
    [InlineData("119 622,00 €", 119622)]
    public void ReadsFrenchAmounts(string text, double expected)
    {
        var value = CellValueParser.ParseText(text);

        Assert.Equal(ValueStatus.Value, value.Status);
        Assert.Equal((decimal)expected, value.Number);
    }

    [Theory]
    [InlineData("2,90%", 0.029)]
    [InlineData("6,3%", 0.063)]
    [InlineData("34 %", 0.34)]
    public void ReadsPercentagesAsRatios(string text, double expected)
    {
        var value = CellValueParser.ParseText(text);

        Assert.True(value.IsPercent);
        Assert.Equal((decimal)expected, value.Number);
    }

    [Theory]
    [InlineData("NC", ValueStatus.NotCommunicated)]
    [InlineData("Indicateur en construction", ValueStatus.Text)]
    [InlineData("signature du protocole", ValueStatus.Text)]
    [InlineData("#REF!", ValueStatus.Error)]
    [InlineData("#DIV/0!", ValueStatus.Error)]
    [InlineData("0 10", ValueStatus.Text)]
    [InlineData("100 30", ValueStatus.Text)]
    [InlineData("  ", ValueStatus.Blank)]
    public void ClassifiesNonNumbers(string text, ValueStatus expected) => Assert.Equal(expected, CellValueParser.ParseText(text).Status);
}
