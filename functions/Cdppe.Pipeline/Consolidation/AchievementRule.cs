using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// Which value of a year is an indicator's niveau d'atteinte, written once for the report and the exports:
/// <list type="number">
/// <item>the year's own figure when a workbook states one (the tableau de bord's "Niveau d'atteinte" column);</item>
/// <item>else the monthly follow-up: the latest month of the year with a value (December's once the year is over);
/// when that month and the ones before it back to some month were declared unreliable, the last reliable month's
/// value (the months after it are reported as unreliable); when no month is reliable, the latest value, flagged;</item>
/// <item>a milestone's value is its text ("signature du protocole"), taken by the same rule.</item>
/// </list>
/// No value in the year gives null.
/// </summary>
public static class AchievementRule
{
    /// <summary>The niveau d'atteinte of <paramref name="definition"/> in <paramref name="year"/>, from its figures and the year's monthly snapshots of its code.</summary>
    public static YearAchievement? Of(IndicatorDefinition? definition, IEnumerable<MonthlySnapshot> snapshots, int year)
    {
        if (definition?.Achieved.GetValueOrDefault(year) is { } annual)
        {
            return new YearAchievement(annual, null, false, null, null);
        }

        return FromMonths(snapshots.Where(s => s.Month.Year == year && (definition is null || s.Code == definition.Code)));
    }

    /// <summary>The niveau d'atteinte from monthly snapshots alone (one indicator, one year).</summary>
    public static YearAchievement? FromMonths(IEnumerable<MonthlySnapshot> snapshots)
    {
        var withValue = snapshots.Where(s => s.Value is not null || s.Text is not null).OrderBy(s => s.Month).ToList();
        if (withValue.Count == 0)
        {
            return null;
        }

        var latest = withValue[^1];
        var reliable = withValue.LastOrDefault(s => s.Reliable);
        var shown = latest.Reliable ? latest : reliable ?? latest;
        return new YearAchievement(new IndicatorFigure(shown.Value, shown.IsPercent, shown.Text), shown.Month, !latest.Reliable, latest.Reliable ? null : reliable?.Month, shown);
    }
}
