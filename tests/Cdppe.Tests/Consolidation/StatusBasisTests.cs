using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Consolidation;

/// <summary>What a status compared, as the report, the portal and the CSV print it.</summary>
public sealed class StatusBasisTests
{
    [Fact]
    public void ACountBeforeDecemberIsComparedWithItsTargetProRataOfTheMonths()
    {
        // Seed 004: 17 593 targeted for the year; January's 1 416 is compared with 17 593 × 1/12.
        Assert.Equal(
            "cible au prorata\u00A0: 1\u00A0466 à fin janvier (17\u00A0593 sur l'année)",
            FrenchTypography.Apply(StatusBasis.Of(SnapshotStatus.Late, IndicatorKind.Count, new YearMonth(2022, 1), 17_593m, null, isRate: false)));
        Assert.Equal("cible 2022 : 17\u00A0593", StatusBasis.Of(SnapshotStatus.Late, IndicatorKind.Count, new YearMonth(2022, 12), 17_593m, null, isRate: false));
    }

    [Fact]
    public void RatesMilestonesMissingValuesUnreliableValuesAndContextSeriesSayWhatTheyAre()
    {
        Assert.Equal("cible 2022 : 34\u00A0%", StatusBasis.Of(SnapshotStatus.OnTrack, IndicatorKind.Rate, new YearMonth(2022, 3), 0.34m, null, isRate: true));
        Assert.Equal("étape visée en 2022 : mise en œuvre", StatusBasis.Of(SnapshotStatus.Late, IndicatorKind.Milestone, new YearMonth(2022, 12), null, "mise en œuvre", isRate: false));
        Assert.Equal("aucune valeur pour octobre 2022", StatusBasis.Of(SnapshotStatus.Missing, IndicatorKind.Count, new YearMonth(2022, 10), 100m, null, isRate: false));
        Assert.Equal("pas de cible pour 2023", StatusBasis.Of(SnapshotStatus.NoTarget, IndicatorKind.Count, new YearMonth(2023, 2), null, null, isRate: false));
        Assert.Equal("dernière valeur fiable : juin 2022", StatusBasis.Unreliable(new YearMonth(2022, 6)));
        Assert.Equal("aucune valeur fiable dans l'année", StatusBasis.Unreliable(null));
    }
}
