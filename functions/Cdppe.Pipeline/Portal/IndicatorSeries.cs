namespace Cdppe.Pipeline.Portal;

/// <summary>An indicator's monthly series of a year, with its status and the year's target.</summary>
public sealed record IndicatorSeries(string Code, string Label, int? Objectif, string Kind, bool IsPercent, string Status, string? Target, IReadOnlyList<MonthPoint> Months)
{
    /// <summary>What the status compared: « cible au prorata : 1 466 à fin janvier », « dernière valeur fiable : juin 2022 ».</summary>
    public string? StatusBasis { get; init; }

    /// <summary>A series that describes the context (births, cohorts): no target, no status; the page lists them apart.</summary>
    public bool IsContext { get; init; }

    public int Gaps => Months.Count(m => m.Gap);

    public int UnreliableMonths => Months.Count(m => !m.Reliable && !m.Gap);

    /// <summary>A short reference people can say and search: "6.2" for the second indicator of objective 6; none without objective.</summary>
    public string? Ref { get; init; }

    /// <summary>The engagement of the indicator's national objective ("Engagement 1").</summary>
    public string? Engagement { get; init; }

    /// <summary>The national wording of the indicator's objective.</summary>
    public string? ObjectifLabel { get; init; }
}
