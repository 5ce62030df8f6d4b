namespace Cdppe.Pipeline.Model;

/// <summary>One line of the rapport financier: planned money per funder and consumption for the report year.</summary>
public sealed record BudgetLine
{
    public required int Year { get; init; }

    public required string Engagement { get; init; }

    public string? Mesure { get; init; }

    public string? Objectif { get; init; }

    /// <summary>The fiche action number, or null for an objective line without a fiche.</summary>
    public int? Fiche { get; init; }

    /// <summary>The action of a line keyed by objective and action (annexe 2.1 years), as written: "Action n°9-1".</summary>
    public string? Action { get; init; }

    public decimal BudgetGlobal { get; init; }

    public decimal Departement { get; init; }

    public decimal Fir { get; init; }

    public decimal Etat { get; init; }

    public decimal Ondam { get; init; }

    public string? Modalite { get; init; }

    /// <summary>Consumed up to 31/12 of the previous year.</summary>
    public decimal ConsumedBefore { get; init; }

    public decimal ConsumedInYear { get; init; }

    public decimal ConsumedCumulative { get; init; }

    /// <summary>Order of the line in its source table, to print it in the same order.</summary>
    public int Order { get; init; }

    public string? SourceCell { get; init; }
}
