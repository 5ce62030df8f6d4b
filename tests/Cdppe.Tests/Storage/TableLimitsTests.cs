using Azure.Data.Tables;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Tests.Storage;

public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("a", 0xFFFE, "b")]
    [InlineData("ab", 0xFFFF, "")]
    [InlineData("a", 0xD800, "b")]
    [InlineData("ab", 0xDC00, "")]
    public void InvalidCodePointsAreFoundAndCleanedWhereTheyAre(string before, int codePoint, string after)
    {
        var text = before + (char)codePoint + after;

        Assert.Equal(before.Length, UnicodeText.InvalidCodePointAt(text));
        Assert.Equal(before + "\uFFFD" + after, UnicodeText.Clean(text));
    }

    [Theory]
    [InlineData("Action menée « 2022 »")]
    [InlineData("emoji \uD83D\uDE00 ok")]
    public void ValidTextIsLeftAsItIs(string text)
    {
        Assert.Equal(-1, UnicodeText.InvalidCodePointAt(text));
        Assert.Same(text, UnicodeText.Clean(text));
    }

    [Fact]
    public void EveryValueTheServiceRefusesIsReportedByProperty()
    {
        var entity = new TableEntity("77", "r") { ["Ok"] = "texte", ["Long"] = new string('x', 32_769), ["Bad"] = "a\uFFFEb" };
        var big = new TableEntity("77", "r");
        for (var i = 0; i < 20; i++)
        {
            big["P" + i] = new string('c', 30_000);
        }

        var violations = TableLimits.Check(entity).ToList();

        Assert.Equal([(TableViolationKind.InvalidCodePoint, "Bad"), (TableViolationKind.StringTooLong, "Long")], violations.Select(v => (v.Kind, v.Property)).OrderBy(v => v.Kind));
        Assert.Empty(TableLimits.Check(new TableEntity("77", "r") { ["Max"] = new string('x', 32_768) }));

        // 4 + 2 × 3 for the keys, then per property 8 + 2 × name + 4 + 2 × 30 000: 1 200 350 bytes, over 1 MiB.
        var whole = Assert.Single(TableLimits.Check(big));
        Assert.Equal((TableViolationKind.EntityTooLarge, 1_200_350L), (whole.Kind, whole.Size));
    }
}
