namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>What a value column of the plan d'action holds: targets, or the money of one funder.</summary>
internal enum PlanActionGroup
{
    Target,
    Masse,
    Dgas,
    Cd,
    Fir,
    Etat,
    Ondam,
}
