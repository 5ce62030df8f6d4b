using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// A campaign as both surfaces show it: its state, every round with its package and review, the remarks (those of
/// the current round are <see cref="OpenRemarks"/>, answered by the next transmission), the journal and the
/// notifications of the département.
/// </summary>
public sealed record CampaignView(
    string Departement,
    int Annee,
    string Etat,
    string EtatLibelle,
    int Tour,
    DateTimeOffset? MisAJourLe,
    IReadOnlyList<CampaignRoundView> Tours,
    IReadOnlyList<CampaignRemarkView> Remarques,
    IReadOnlyList<CampaignRemarkView> RemarquesEnCours,
    IReadOnlyList<JournalEntryView> Journal,
    IReadOnlyList<Notification> Notifications);

/// <summary>A round as shown: its package (files, and those missing with the reason), who transmitted it, its review.</summary>
public sealed record CampaignRoundView(int Tour, string Id, DateTimeOffset TransmisLe, ActorView TransmisPar, string VersionDonnees, IReadOnlyList<ManifestEntry> Manifest, IReadOnlyList<MissingPackageFile> Manquants, string? Revue, string? RevueLibelle, DateTimeOffset? RevueLe, ActorView? RevuePar);

/// <summary>A remark as shown, with the page of the portal that shows its part.</summary>
public sealed record CampaignRemarkView(int Tour, string Partie, string PartieLibelle, string Page, string Texte, ActorView Auteur, DateTimeOffset Le);

/// <summary>A journal entry as shown.</summary>
public sealed record JournalEntryView(DateTimeOffset Le, ActorView Auteur, string Action, string Description, int? Annee, string? Objet);

/// <summary>Who, as shown: name, id and role.</summary>
public sealed record ActorView(string Nom, string Id, string Role)
{
    public static ActorView From(Actor actor) => new(actor.Name, actor.Id, actor.RoleLabel);
}
