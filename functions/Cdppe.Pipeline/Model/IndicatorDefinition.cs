namespace Cdppe.Pipeline.Model;

/// <summary>
/// An indicator of the contract, one per stable code (see <c>IndicatorCodes</c>): its baseline, its targets and
/// its achieved values per year. Written by the plan-action and tableau-de-bord ingestion, read by the
/// consolidation (targets) and the report (tableau de bord).
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Code { get; init; }

    public required string Label { get; init; }

    public int? Objectif { get; init; }

    public int? Fiche { get; init; }

    /// <summary>Every fiche action that follows this indicator (several fiches may share one).</summary>
    public IReadOnlyList<int> Fiches { get; init; } = [];

    public IndicatorKind Kind { get; init; } = IndicatorKind.Count;

    public bool Fundamental { get; init; }

    public IndicatorFigure? Baseline { get; init; }

    public string? BaselineDate { get; init; }

    public string? Source { get; init; }

    public IReadOnlyDictionary<int, IndicatorFigure> Targets { get; init; } = new Dictionary<int, IndicatorFigure>();

    public IReadOnlyDictionary<int, IndicatorFigure> Achieved { get; init; } = new Dictionary<int, IndicatorFigure>();

    /// <summary>For a derived rate: the codes of its numerator and denominator counts.</summary>
    public string? NumeratorCode { get; init; }

    public string? DenominatorCode { get; init; }

    /// <summary>Ordered milestones for a <see cref="IndicatorKind.Milestone"/> indicator.</summary>
    public IReadOnlyList<string> Milestones { get; init; } = [];

    /// <summary>Cell of the indicator's label in its source workbook.</summary>
    public string? SourceCell { get; init; }
}
