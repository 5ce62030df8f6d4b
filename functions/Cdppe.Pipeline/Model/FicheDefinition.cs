namespace Cdppe.Pipeline.Model;

/// <summary>A fiche action of the contract (from plan-action, or bilans-fiches when that is all there is).</summary>
public sealed record FicheDefinition
{
    public required int Numero { get; init; }

    public required string Intitule { get; init; }

    /// <summary>National objective number (1-26), or null for "Sans objectif".</summary>
    public int? Objectif { get; init; }

    public string? Theme { get; init; }

    /// <summary>"fondamental" or "facultatif".</summary>
    public string? Nature { get; init; }

    public string? Referent { get; init; }

    /// <summary>Planned total 2020-2022 as stated by the fiche.</summary>
    public decimal? PlannedTotal { get; init; }

    /// <summary>Cell of the fiche number in its source workbook ("A12").</summary>
    public string? SourceCell { get; init; }
}
