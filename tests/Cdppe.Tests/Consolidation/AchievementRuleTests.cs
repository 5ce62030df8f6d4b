using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Consolidation;

/// <summary>Which value of a year is its niveau d'atteinte: the year's own figure, December's, the last reliable month's, a milestone's text.</summary>
public sealed class AchievementRuleTests
{
    private static MonthlySnapshot Month(int month, decimal? value, bool reliable = true, string? text = null) =>
        new("O03-NB-VAD", "Nombre de VAD", new YearMonth(2022, month), value, false, text, null, null, SnapshotStatus.NoTarget, reliable, "i1");

    private static readonly IndicatorDefinition Vad = new() { Code = "O03-NB-VAD", Label = "Nombre de VAD" };

    [Fact]
    public void DecemberIsTheValueOfACompleteYear()
    {
        var level = AchievementRule.Of(Vad, [Month(11, 1100), Month(12, 1271), Month(6, 636)], 2022);

        Assert.Equal((1271m, new YearMonth(2022, 12), true, true), (level!.Figure.Value!.Value, level.Month!.Value, level.IsDecember, level.Reliable));
    }

    [Fact]
    public void LaterUnreliableMonthsLeaveTheLastReliableOne()
    {
        var level = AchievementRule.Of(Vad, [Month(5, 530), Month(6, 636), Month(7, 700, reliable: false), Month(12, 1300, reliable: false)], 2022);

        Assert.Equal((636m, new YearMonth(2022, 6), true, new YearMonth(2022, 6)), (level!.Figure.Value!.Value, level.Month!.Value, level.LaterMonthsUnreliable, level.ReliableUntil!.Value));
        Assert.False(level.IsDecember);
    }

    [Fact]
    public void WithoutAnyReliableMonthTheLatestValueIsKeptAndFlagged()
    {
        var level = AchievementRule.Of(Vad, [Month(3, 300, reliable: false), Month(4, 400, reliable: false)], 2022);

        Assert.Equal((400m, new YearMonth(2022, 4), true), (level!.Figure.Value!.Value, level.Month!.Value, level.LaterMonthsUnreliable));
        Assert.Null(level.ReliableUntil);
    }

    [Fact]
    public void TheYearsOwnFigureWinsOverTheMonths()
    {
        var stated = Vad with { Achieved = new Dictionary<int, IndicatorFigure> { [2022] = new(1250m, false, null) } };

        var level = AchievementRule.Of(stated, [Month(12, 1271)], 2022);

        Assert.Equal((1250m, true), (level!.Figure.Value!.Value, level.IsAnnual));
        Assert.Null(level.Month);
    }

    [Fact]
    public void AMilestoneIsItsTextAndMonthsOfOtherYearsOrCodesAreIgnored()
    {
        var other = new MonthlySnapshot("O07-PROTOCOLE", "Protocole", new YearMonth(2022, 12), null, false, "mise en œuvre", null, null, SnapshotStatus.NoTarget, true, "i1");
        var lastYear = Month(12, 900) with { Month = new YearMonth(2021, 12) };

        var level = AchievementRule.Of(Vad, [Month(9, null, text: "signature du protocole"), Month(10, null), other, lastYear], 2022);

        Assert.Equal(("signature du protocole", new YearMonth(2022, 9)), (level!.Figure.Text, level.Month!.Value));
        Assert.Null(AchievementRule.Of(Vad, [lastYear], 2022));
    }
}
