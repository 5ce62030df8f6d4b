using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>Table Objectives: one objective line of a plan (see <see cref="ObjectiveStore"/>).</summary>
public sealed class ObjectivePlanEntity : EntityBase
{
    public string Kind { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public int Order { get; set; }

    public string? Engagement { get; set; }

    public string? Mesure { get; set; }

    public int? Objectif { get; set; }

    public string? Libelle { get; set; }

    /// <summary>JSON <c>{ "2021": "actions…" }</c>.</summary>
    public string ActionsJson { get; set; } = "{}";

    public string? Fiches { get; set; }

    public string? Partenaires { get; set; }

    public double? Departement { get; set; }

    public double? Etat { get; set; }

    public double? Total { get; set; }

    public string? Modalite { get; set; }

    public string? AutresFinancements { get; set; }

    public double? AutresMontant { get; set; }

    public int? NextYear { get; set; }

    public double? NextYearFunding { get; set; }

    public string IngestionId { get; set; } = string.Empty;

    public string? SourceCell { get; set; }
}
