using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>An indicator as the report shows it for the year: baseline, targets, achieved value and status.</summary>
public sealed record IndicatorReport
{
    /// <summary>The indicator's definition; its achieved values include the report year's monthly value when there is no annual one.</summary>
    public required IndicatorDefinition Definition { get; init; }

    public string Code => Definition.Code;

    public string Label => Definition.Label;

    public int? Objectif => Definition.Objectif;

    public int? Fiche => Definition.Fiche;

    public IndicatorKind Kind => Definition.Kind;

    public bool Fundamental => Definition.Fundamental;

    public IndicatorFigure? Baseline => Definition.Baseline;

    public string? BaselineDate => Definition.BaselineDate;

    public string? Source => Definition.Source;

    public IReadOnlyDictionary<int, IndicatorFigure> Targets => Definition.Targets;

    public IReadOnlyDictionary<int, IndicatorFigure> Achieved => Definition.Achieved;

    /// <summary>The report year's target.</summary>
    public IndicatorFigure? Target { get; init; }

    /// <summary>The report year's achieved value (annual figure, else the latest monthly value of the year).</summary>
    public IndicatorFigure? AchievedInYear { get; init; }

    /// <summary>Month of the achieved value when it comes from the monthly follow-up.</summary>
    public YearMonth? AchievedMonth { get; init; }

    /// <summary>Status of the year: atteint, en bonne voie, en retard, non renseigné, sans cible, non fiable; empty for a context series (no target in any year: births, cohorts).</summary>
    public required string Status { get; init; }

    public bool Reliable { get; init; } = true;

    /// <summary>What the status compared (<see cref="Consolidation.StatusBasis"/>): « cible au prorata : 1 466 à fin janvier », « dernière valeur fiable : juin 2022 ».</summary>
    public string? StatusBasis { get; init; }

    /// <summary>
    /// A series that describes the context and is never given a status: no target in any year (cohorts), or a count
    /// whose every "target" repeats its 2019 value (births, children aged 0-6, incoming informations: the denominators
    /// the tableau de bord copies into its target columns).
    /// </summary>
    public bool IsContext => IsContextSeries(Definition);

    public static bool IsContextSeries(IndicatorDefinition d) =>
        d.Targets.Count == 0
        || (d.Kind == IndicatorKind.Count && d.Baseline?.Value is { } baseline && d.Targets.Values.All(t => t.Value == baseline && string.IsNullOrEmpty(t.Text)));

    /// <summary>When the year's latest values were declared unreliable: the month of the last reliable one (null when none is).</summary>
    public YearMonth? ReliableUntil { get; init; }

    /// <summary>
    /// Whether the trajectory chart is drawn: numbers (not a milestone, nor a rate whose every target is 0 % or 100 %,
    /// which says done or not done: « Signature du protocole »), at least one achieved value after the baseline, and
    /// two points or more.
    /// </summary>
    public bool HasChart => Kind != IndicatorKind.Milestone
        && !IsDoneOrNotDone
        && Achieved.Values.Any(a => a.Value is not null)
        && Points().Count(p => p.Target is not null || p.Achieved is not null) >= 2;

    /// <summary>The monthly follow-up's values of the report year, January first (a month without value is absent).</summary>
    public IReadOnlyList<MonthlySnapshot> Months { get; init; } = [];

    /// <summary>
    /// Whether the monthly chart is drawn: at least two months of the year with a number, and not a milestone nor a
    /// rate that says done or not done.
    /// </summary>
    public bool HasMonthlyChart => Kind != IndicatorKind.Milestone
        && !IsDoneOrNotDone
        && Months.Count(m => m.Value is not null) >= 2;

    /// <summary>A rate whose every target is 0 % or 100 %: a milestone written as a percentage.</summary>
    public bool IsDoneOrNotDone => Targets.Count > 0 && Targets.Values.All(t => t.IsPercent && t.Value is 0m or 1m);

    /// <summary>The trajectory: baseline (year null, an achieved value, not a target), then each year's target and achieved value.</summary>
    public IReadOnlyList<(int? Year, decimal? Target, decimal? Achieved)> Points(int? untilYear = null)
    {
        var points = new List<(int?, decimal?, decimal?)>();
        if (Baseline?.Value is { } b)
        {
            points.Add((null, null, b));
        }

        foreach (var year in Targets.Keys.Concat(Achieved.Keys).Distinct().Where(y => untilYear is null || y <= untilYear).Order())
        {
            points.Add((year, Targets.GetValueOrDefault(year)?.Value, Achieved.GetValueOrDefault(year)?.Value));
        }

        return points;
    }
}
