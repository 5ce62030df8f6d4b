namespace Cdppe.Pipeline.Model;

/// <summary>
/// What the national views need of one département and year, computed from its ingestion records, its report model and
/// its consolidation runs, and stored (table DepartementSummaries) so that a national view reads one row per
/// département instead of rebuilding each one's report. <see cref="SourceVersion"/>: the département's change stamp
/// it was computed from; <see cref="ComputedAt"/>: when (the report's missing months depend on the current month).
/// </summary>
public sealed record DepartementSummary
{
    public required string Departement { get; init; }

    public required int Year { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Whether the year has any data (budget lines, fiches, indicators or snapshots).</summary>
    public bool HasData { get; init; }

    public int Drops { get; init; }

    public int Accepted { get; init; }

    public int Rejected { get; init; }

    public DateTimeOffset? LastDrop { get; init; }

    /// <summary>The kinds of the accepted drops that cover the year (a drop without years covers every year).</summary>
    public IReadOnlyList<string> KindsDropped { get; init; } = [];

    /// <summary>Gaps of the year's monthly follow-up (the report's data-quality annex).</summary>
    public int MissingMonths { get; init; }

    public decimal BudgetGlobal { get; init; }

    public decimal BudgetDepartement { get; init; }

    public decimal Fir { get; init; }

    public decimal Etat { get; init; }

    public decimal Ondam { get; init; }

    public decimal ConsumedBefore { get; init; }

    public decimal ConsumedInYear { get; init; }

    public decimal ConsumedCumulative { get; init; }

    /// <summary>"2020-2022": the period the budget and consumed amounts cover.</summary>
    public string Period { get; init; } = string.Empty;

    public int Indicators { get; init; }

    /// <summary>Series that describe the context (never given a status).</summary>
    public int ContextSeries { get; init; }

    /// <summary>Indicators by status label (context series left out).</summary>
    public IReadOnlyDictionary<string, int> IndicatorsByStatus { get; init; } = new Dictionary<string, int>();

    /// <summary>The latest month of the monthly values the indicators' statuses use.</summary>
    public YearMonth? LatestMonth { get; init; }

    /// <summary>The count indicators with a value for the year (the national totals add them).</summary>
    public IReadOnlyList<SummaryCount> Counts { get; init; } = [];

    /// <summary>End of the département's latest consolidation run.</summary>
    public DateTimeOffset? LastConsolidation { get; init; }

    public string SourceVersion { get; init; } = string.Empty;

    public DateTimeOffset ComputedAt { get; init; }
}
