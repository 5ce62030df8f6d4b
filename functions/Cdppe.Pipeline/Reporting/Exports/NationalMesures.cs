using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The mesure of the national strategy each objective belongs to, in the wording of the State's workbooks (the
/// tableau de bord SNPPE and the Annexe 2.1), which the exports print in their "Mesure" column.
/// </summary>
public static class NationalMesures
{
    private static readonly Dictionary<int, string> ByObjective = new()
    {
        [1] = "Rendre obligatoire l'entretien prénatal précoce (EPP)",
        [2] = "Généraliser les bilans de santé en école maternelle",
        [3] = "Augmenter le nombre de visites à domiciles et de consultations infantiles",
        [4] = "Augmenter le nombre de visites à domiciles et de consultations infantiles",
        [5] = "Augmenter le nombre de visites à domiciles et de consultations infantiles",
        [12] = "Augmenter le nombre de visites à domiciles et de consultations infantiles",
        [13] = "Soutenir les actions innovantes en PMI",
        [14] = "Développer le relayage parental",
        [15] = "Développer le relayage parental",
        [16] = "Développer le relayage parental",
        [6] = "Renforcer les CRIP",
        [7] = "Renforcer les CRIP",
        [8] = "Créer un référentiel national de contrôle des lieux d'accueil",
        [17] = "Créer un référentiel national de contrôle des lieux d'accueil",
        [9] = "Créer des dispositifs adaptés ASE / handicap",
        [18] = "Soutenir la diversification de l'offre",
        [19] = "Soutenir la diversification de l'offre",
        [20] = "Soutenir la diversification de l'offre",
        [21] = "Développer les centres parentaux et les compétences parentales",
        [22] = "Systématiser les mesures d'accompagnement au retour à domicile",
        [23] = "Mobiliser la société civile",
        [10] = "Développer la participation des enfants et des jeunes",
        [24] = "Mobiliser l'ensemble des outils et des dispositifs pour l'accès au logement et aux droits",
        [25] = "Faciliter l'intégration professionnelle des anciens MNA",
        [11] = "Repenser la gouvernance",
        [26] = "Renforcer la formation des professionnels",
    };

    /// <summary>Engagements in the order of the State's workbooks.</summary>
    public static IReadOnlyList<string> Engagements { get; } = ["Engagement 1", "Engagement 2", "Engagement 3", "Engagement 4", "Conditions pour y parvenir"];

    /// <summary>The mesure of an objective, or null without one.</summary>
    public static string? Of(int? objectif) => objectif is { } o ? ByObjective.GetValueOrDefault(o) : null;

    /// <summary>The engagement of an objective ("Engagement 1"…, "Conditions pour y parvenir"), the last one without an objective.</summary>
    public static string EngagementOf(int? objectif) => NationalObjectives.Get(objectif)?.Engagement ?? Engagements[^1];

    /// <summary>Rank of an engagement in <see cref="Engagements"/>.</summary>
    public static int Rank(string engagement)
    {
        var index = Engagements.ToList().FindIndex(e => string.Equals(e, engagement, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? Engagements.Count : index;
    }

    /// <summary>The engagement's banner as the State's workbooks print it.</summary>
    public static string Banner(string engagement) => ReferenceData.EngagementTitle(engagement);
}
