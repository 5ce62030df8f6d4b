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
