using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

public sealed class BudgetLineEntity : EntityBase
{
    public int Year { get; set; }

    public string Engagement { get; set; } = string.Empty;

    public string? Mesure { get; set; }

    public string? Objectif { get; set; }

    public int? Fiche { get; set; }

    /// <summary>The action of a line keyed by action ("Action n°9-1"), for the years of an annexe 2.1.</summary>
    public string? Action { get; set; }

    public double BudgetGlobal { get; set; }

    public double Departement { get; set; }

    public double Fir { get; set; }

    public double Etat { get; set; }

    public double Ondam { get; set; }

    public string? Modalite { get; set; }

    public double ConsumedBefore { get; set; }

    public double ConsumedInYear { get; set; }

    public double ConsumedCumulative { get; set; }

    public int Order { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}
