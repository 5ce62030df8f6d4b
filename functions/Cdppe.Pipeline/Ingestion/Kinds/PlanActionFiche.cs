namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// A fiche of the plan d'action as read from its first row: identity, the amounts of its money columns (by column),
/// its printed total, and whether every amount could be read.
/// </summary>
internal sealed record PlanActionFiche(int Numero, int Row, string Cell, string Intitule, int? Objectif, string? Theme, string? Nature, string? Referent, string? Source, Dictionary<int, decimal?> Money, decimal? PrintedTotal, bool AmountsOk);
