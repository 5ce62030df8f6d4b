namespace Cdppe.Pipeline.Model;

/// <summary>
/// A remark of the State on a part of a round's package: <c>fiche-9</c>, <c>indicateur-{code}</c>,
/// <c>rapport-financier-{ligne}</c>, <c>texte-{emplacement}</c> or <c>ensemble</c>.
/// </summary>
public sealed record CampaignRemark(int Round, int Number, string Partie, string Texte, Actor Author, DateTimeOffset At);
