namespace Cdppe.Pipeline.Model;

/// <summary>
/// Money planned for one fiche action and one year by the plan d'action (seed 000): the Département's share split
/// into masse salariale and budget DGAS, and the co-financing by funder (FIR, État / BOP 304, ONDAM).
/// </summary>
public sealed record PlannedFunding
{
    public required int Fiche { get; init; }

    public required int Year { get; init; }

    public decimal MasseSalariale { get; init; }

    public decimal BudgetDgas { get; init; }

    /// <summary>Total CD of the year (masse salariale + budget DGAS).</summary>
    public decimal Departement { get; init; }

    public decimal Fir { get; init; }

    public decimal Etat { get; init; }

    public decimal Ondam { get; init; }

    /// <summary>"Source de co-financement" as written (FIR, ETAT, "ONDAM, ETAT"...).</summary>
    public string? CofinancementSource { get; init; }

    public decimal Total => Departement + Fir + Etat + Ondam;

    public string? SourceCell { get; init; }
}
