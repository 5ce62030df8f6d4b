using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>
/// What a status compared, in the words printed next to it (report, portal, CSV), so that « en retard » in January
/// reads as what it is: a count against its target pro rata of the months (« cible au prorata : 1 466 à fin
/// janvier »), a rate or a milestone against the year's target, a value declared unreliable against nothing
/// (« dernière valeur fiable : juin 2022 »). The rules themselves are <see cref="StatusEvaluator"/>'s.
/// </summary>
public static class StatusBasis
{
    /// <summary>The basis of a status of <paramref name="month"/> (December: the whole year).</summary>
    /// <param name="isRate">The value and its target are ratios (printed as percentages).</param>
    public static string Of(SnapshotStatus status, IndicatorKind kind, YearMonth month, decimal? target, string? targetText, bool isRate)
    {
        if (status == SnapshotStatus.Missing)
        {
            return $"aucune valeur pour {MonthYear(month)}";
        }

        if (status == SnapshotStatus.NoTarget || (target is null && string.IsNullOrWhiteSpace(targetText)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"pas de cible pour {month.Year}");
        }

        if (target is not { } goal || kind == IndicatorKind.Milestone)
        {
            return $"étape visée en {month.Year} : {targetText}";
        }

        if (isRate)
        {
            return string.Create(CultureInfo.InvariantCulture, $"cible {month.Year} : {Percent(goal)}");
        }

        if (kind == IndicatorKind.Count && month.Month < 12)
        {
            // The same pro rata as StatusEvaluator: the year's target × months elapsed / 12, printed rounded.
            var prorata = goal * month.Month / 12m;
            return $"cible au prorata : {FrenchFormat.Number(Math.Round(prorata, 0, MidpointRounding.AwayFromZero))} à fin {MonthName(month)} ({FrenchFormat.Number(goal)} sur l'année)";
        }

        return string.Create(CultureInfo.InvariantCulture, $"cible {month.Year} : {FrenchFormat.Number(goal, goal == decimal.Truncate(goal) ? 0 : 1)}");
    }

    /// <summary>The basis printed for a value declared unreliable: the month of the last reliable value, or that there is none.</summary>
    public static string Unreliable(YearMonth? lastReliable) =>
        lastReliable is { } m ? $"dernière valeur fiable : {MonthYear(m)}" : "aucune valeur fiable dans l'année";

    /// <summary>The basis printed for a context series (births, cohorts): never compared with a target.</summary>
    public const string Context = "série de contexte, sans cible ni statut";

    /// <summary>"juin 2022".</summary>
    public static string MonthYear(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", FrenchFormat.Culture);

    private static string MonthName(YearMonth m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM", FrenchFormat.Culture);

    private static string Percent(decimal ratio) => FrenchFormat.Percent(ratio, ratio * 100 == decimal.Truncate(ratio * 100) ? 0 : 1);
}
