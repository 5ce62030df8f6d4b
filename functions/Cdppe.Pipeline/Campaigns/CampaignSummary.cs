namespace Cdppe.Pipeline.Campaigns;

/// <summary>One département's campaign on the national list: state, round, last package, remarks in progress.</summary>
public sealed record CampaignSummary(string Departement, int Annee, string Etat, string EtatLibelle, int Tour, DateTimeOffset? MisAJourLe, string? DernierPaquet, int RemarquesEnCours);
