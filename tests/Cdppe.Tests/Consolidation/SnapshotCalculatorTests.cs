using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Consolidation;

public sealed class SnapshotCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2022, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static IndicatorDefinition Count(string code, decimal target2022) => new()
    {
        Code = code,
        Label = code,
        Kind = IndicatorKind.Count,
        Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(target2022, false, null) },
    };

    private static RawValue Raw(string code, int month, decimal? value, string ingestion = "a", int minutes = 0, bool reliable = true, string? text = null) =>
        new(code, code, new YearMonth(2022, month), value, false, text, reliable, ingestion, T0.AddMinutes(minutes));

    private static MonthlySnapshot One(YearMonth month, IndicatorDefinition definition, params RawValue[] values) =>
        SnapshotCalculator.Compute(month, new Dictionary<string, IndicatorDefinition> { [definition.Code] = definition }, values, []).Single();

    [Theory]
    [InlineData(6, 600, "en bonne voie")] // target 1 200 prorated to June = 600
    [InlineData(6, 599, "en retard")]
    [InlineData(6, 1_200, "atteint")]
    [InlineData(12, 1_199, "en retard")]
    public void CountsAreComparedWithTheTargetProratedToTheMonth(int month, double value, string expected)
    {
        var snapshot = One(new YearMonth(2022, month), Count("C", 1_200), Raw("C", month, (decimal)value));

        Assert.Equal(expected, snapshot.Status.Label());
        Assert.Equal(1_200m, snapshot.Target);
    }

    [Fact]
    public void DerivedRateIsRecomputedFromItsCounts()
    {
        // Taux d'IP évaluées dans les délais = IP évaluées sous 3 mois / IP évaluées: 998 / 2 932 = 34 %.
        var rate = new IndicatorDefinition
        {
            Code = "TAUX",
            Label = "Taux d'IP évaluées dans les délais",
            Kind = IndicatorKind.Rate,
            NumeratorCode = "SOUS3",
            DenominatorCode = "EVAL",
            Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(0.5m, true, null) },
        };
        var definitions = new Dictionary<string, IndicatorDefinition> { ["TAUX"] = rate, ["SOUS3"] = Count("SOUS3", 2_000), ["EVAL"] = Count("EVAL", 4_000) };
        RawValue[] values = [Raw("SOUS3", 12, 998, "x"), Raw("EVAL", 12, 2_932, "y", minutes: 5), Raw("TAUX", 12, 0.9m, "z")];

        var snapshot = SnapshotCalculator.Compute(new YearMonth(2022, 12), definitions, values, []).Single(s => s.Code == "TAUX");

        Assert.Equal(0.340382m, snapshot.Value);
        Assert.True(snapshot.IsPercent);
        Assert.Equal("34,0\u00A0%", FrenchFormat.Percent(snapshot.Value!.Value));
        Assert.Equal("y", snapshot.SourceIngestion);
        Assert.Equal(SnapshotStatus.Late, snapshot.Status);
    }

    [Fact]
    public void LatestUploadWinsAndAMonthWithoutValueIsAGap()
    {
        var definition = Count("C", 100);

        var june = One(new YearMonth(2022, 6), definition, Raw("C", 6, 40, "old"), Raw("C", 6, 55, "new", minutes: 10), Raw("C", 5, 30));
        var october = One(new YearMonth(2022, 10), definition, Raw("C", 9, 80));

        Assert.Equal((55m, "new"), (june.Value, june.SourceIngestion));
        Assert.Equal((SnapshotStatus.Missing, (decimal?)null, false), (october.Status, october.Value, october.Reliable));
    }

    [Fact]
    public void DecemberUsesTheAnnualAchievedValueOnlyWithoutMonthlyData()
    {
        var definition = Count("C", 100) with { Achieved = new Dictionary<int, IndicatorFigure> { [2022] = new(120m, false, null) } };

        var annual = One(new YearMonth(2022, 12), definition);
        var monthly = One(new YearMonth(2022, 12), definition, Raw("C", 12, 90));
        var november = One(new YearMonth(2022, 11), definition);

        Assert.Equal((120m, SnapshotCalculator.AnnualAchievedSource, SnapshotStatus.Reached), (annual.Value, annual.SourceIngestion, annual.Status));
        Assert.Equal((90m, SnapshotStatus.Late), (monthly.Value, monthly.Status));
        Assert.Equal(SnapshotStatus.Missing, november.Status);
    }

    [Theory]
    [InlineData(6, "Discussion", "en bonne voie")]
    [InlineData(12, "Discussion", "en retard")]
    [InlineData(3, "mise en œuvre", "atteint")]
    [InlineData(3, "Signature du protocole", "atteint")]
    public void MilestonesAreComparedByTheirOrder(int month, string value, string expected)
    {
        var definition = new IndicatorDefinition
        {
            Code = "M",
            Label = "Protocole",
            Kind = IndicatorKind.Milestone,
            Milestones = ["Discussion", "signature du protocole", "mise en œuvre"],
            Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(null, false, "signature du protocole") },
        };

        Assert.Equal(expected, One(new YearMonth(2022, month), definition, Raw("M", month, null, text: value)).Status.Label());
    }

    [Fact]
    public void RatesAreComparedDirectly()
    {
        var definition = new IndicatorDefinition { Code = "R", Label = "Part", Kind = IndicatorKind.Rate, Targets = new Dictionary<int, IndicatorFigure> { [2022] = new(0.15m, true, null) } };

        Assert.Equal(SnapshotStatus.Reached, One(new YearMonth(2022, 3), definition, Raw("R", 3, 0.15m)).Status);
        Assert.Equal(SnapshotStatus.OnTrack, One(new YearMonth(2022, 3), definition, Raw("R", 3, 0.14m)).Status);
        Assert.Equal(SnapshotStatus.Late, One(new YearMonth(2022, 3), definition, Raw("R", 3, 0.05m)).Status);
        Assert.Equal(SnapshotStatus.NoTarget, One(new YearMonth(2021, 3), definition, new RawValue("R", "R", new YearMonth(2021, 3), 0.2m, true, null, true, "a", T0)).Status);
    }
}
