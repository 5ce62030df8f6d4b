namespace Cdppe.Pipeline.Model;

/// <summary>
/// One objective line of a plan: the synthesis by mesure/objectif of the plan d'action (seed 000, second table,
/// period 2020-2022) or the State's annexe 2.1 (seed 002, period 2023-2024). Money is for the whole period of the
/// plan, except <see cref="NextYearFunding"/> (annexe 2.1: the following year's funding).
/// </summary>
public sealed record ObjectivePlan
{
    /// <summary>The workbook kind it came from: <c>synthese-objectifs</c> or <c>annexe-2-1</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>"2020-2022", "2023-2024".</summary>
    public required string Period { get; init; }

    public required int Order { get; init; }

    public string? Engagement { get; init; }

    public string? Mesure { get; init; }

    /// <summary>National objective number, or null ("Sans objectif").</summary>
    public int? Objectif { get; init; }

    public string? Libelle { get; init; }

    /// <summary>Actions to carry out, per year.</summary>
    public IReadOnlyDictionary<int, string> Actions { get; init; } = new Dictionary<int, string>();

    /// <summary>Fiche action numbers named in the actions ("Fiche action 9 : …").</summary>
    public IReadOnlyList<int> Fiches { get; init; } = [];

    public string? Partenaires { get; init; }

    public decimal? Departement { get; init; }

    public decimal? Etat { get; init; }

    public decimal? Total { get; init; }

    /// <summary>How the State pays: PLF, FIR, ONDAM, 304, "ONDAM / PLF"...</summary>
    public string? Modalite { get; init; }

    public string? AutresFinancements { get; init; }

    public decimal? AutresMontant { get; init; }

    public int? NextYear { get; init; }

    public decimal? NextYearFunding { get; init; }

    public string? SourceCell { get; init; }
}
