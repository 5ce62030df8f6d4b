namespace Cdppe.Pipeline.Storage;

/// <summary>An indicator as one workbook kind states it (table IndicatorSources); figures per year are JSON of <c>{ "2022": IndicatorFigure }</c>.</summary>
public sealed class IndicatorEntity : EntityBase
{
    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public int? Objectif { get; set; }

    public int? Fiche { get; set; }

    public string Kind { get; set; } = string.Empty;

    public bool Fundamental { get; set; }

    public string? BaselineJson { get; set; }

    public string? BaselineDate { get; set; }

    public string? Source { get; set; }

    public string TargetsJson { get; set; } = "{}";

    public string AchievedJson { get; set; } = "{}";

    public string? NumeratorCode { get; set; }

    public string? DenominatorCode { get; set; }

    public string MilestonesJson { get; set; } = "[]";

    public string IngestionId { get; set; } = string.Empty;

    /// <summary>Every fiche that follows the indicator, comma separated ("1,2").</summary>
    public string? Fiches { get; set; }

    public string? SourceCell { get; set; }
}
