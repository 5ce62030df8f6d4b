using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// The niveau d'atteinte of an indicator for a year (see <see cref="AchievementRule"/>): the figure (a number, a rate
/// or a milestone's text), and where it comes from.
/// </summary>
/// <param name="Figure">The value as printed.</param>
/// <param name="Month">The month of the value when it comes from the monthly follow-up; null for the year's own figure (the tableau de bord's).</param>
/// <param name="LaterMonthsUnreliable">The year's latest values were declared unreliable: the value is the last reliable month's (or the latest one when none is reliable).</param>
/// <param name="ReliableUntil">When <paramref name="LaterMonthsUnreliable"/>: the month of the last reliable value, null when none is.</param>
/// <param name="Snapshot">The monthly snapshot the value was taken from, when it comes from the monthly follow-up.</param>
public sealed record YearAchievement(IndicatorFigure Figure, YearMonth? Month, bool LaterMonthsUnreliable, YearMonth? ReliableUntil, MonthlySnapshot? Snapshot)
{
    /// <summary>The year's own figure, stated by a workbook for the whole year.</summary>
    public bool IsAnnual => Month is null;

    /// <summary>The value is December's (or the year's own figure).</summary>
    public bool IsDecember => Month is null || Month.Value.Month == 12;

    /// <summary>The value can be relied on: the year's own figure, or a month not followed by unreliable ones.</summary>
    public bool Reliable => !LaterMonthsUnreliable;
}
