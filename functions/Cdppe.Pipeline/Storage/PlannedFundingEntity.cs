using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table PlannedFunding: money planned by the plan d'action for one fiche and year (see <see cref="PlannedFundingStore"/>).</summary>
public sealed class PlannedFundingEntity : EntityBase
{
    public int Fiche { get; set; }

    public int Year { get; set; }

    public double MasseSalariale { get; set; }

    public double BudgetDgas { get; set; }

    public double Departement { get; set; }

    public double Fir { get; set; }

    public double Etat { get; set; }

    public double Ondam { get; set; }

    public double Total { get; set; }

    public string? CofinancementSource { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}
