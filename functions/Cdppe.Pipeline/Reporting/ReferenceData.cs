using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>National reference texts the report prints: département names and the 26 objectives of the contractualisation.</summary>
public static class ReferenceData
{
    /// <summary>The name of a département ("Seine-et-Marne" for 77), or its code when unknown.</summary>
    public static string DepartementName(Departement departement) => Departements.GetValueOrDefault(departement.Code, departement.Code);

    /// <summary>"le Département de Seine-et-Marne"-style phrases need the article; the name alone is given here.</summary>
    public static string? ObjectiveLabel(int? number) => number is { } n ? Objectives.GetValueOrDefault(n) : null;

    /// <summary>Objectives 1-11 are fondamental, 12-26 facultatif (Annexe 2 of the contract).</summary>
    public static string? ObjectiveNature(int? number) => number switch
    {
        >= 1 and <= 11 => "fondamental",
        >= 12 and <= 26 => "facultatif",
        _ => null,
    };

    /// <summary>The full title of an engagement written short ("Engagement 1"), as the rapport financier prints it.</summary>
    public static string EngagementTitle(string engagement) => EngagementTitles.GetValueOrDefault(engagement.Trim(), engagement);

    private static readonly Dictionary<string, string> EngagementTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Engagement 1"] = "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
        ["Engagement 2"] = "Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures",
        ["Engagement 3"] = "Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits",
        ["Engagement 4"] = "Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte",
    };

    private static readonly Dictionary<int, string> Objectives = new()
    {
        [1] = "Atteindre à horizon 2022 un taux de couverture par la PMI d'au moins 20 % des entretiens prénataux précoces au niveau national",
        [2] = "Faire progresser le nombre de bilans de santé en école maternelle réalisés par la PMI et se rapprocher du contenu de l'examen de santé tel que défini dans le carnet de santé",
        [3] = "Doubler au niveau national le nombre de visites à domicile pré et postnatales réalisées par des sages-femmes de PMI en faveur des familles vulnérables",
        [4] = "Permettre qu'à horizon 2022, au niveau national, au moins 15 % des enfants bénéficient de l'intervention à domicile d'infirmières puéricultrices de la PMI, notamment jusqu'aux deux ans de l'enfant et dans les familles vulnérables",
        [5] = "Permettre qu'à horizon 2022, au niveau national, au moins 20 % des enfants bénéficient de consultations infantiles",
        [6] = "Renforcer les moyens, les ressources et la pluridisciplinarité des cellules de recueil des informations préoccupantes (CRIP) pour atteindre sur l'ensemble du territoire un délai maximal de trois mois par évaluation",
        [7] = "Systématiser et renforcer les protocoles informations préoccupantes (IP)",
        [8] = "Systématiser un volet « maîtrise des risques » dans les schémas départementaux de protection de l'enfance, incluant un plan de contrôle des établissements et services",
        [9] = "Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
        [10] = "Systématiser la participation des enfants et des jeunes aux observatoires départementaux de la protection de l'enfance (ODPE)",
        [11] = "Renforcer les ODPE",
        [12] = "Renforcer les interventions de travailleurs en intervention sociale et familiale (TISF)",
        [13] = "Soutenir les actions innovantes en PMI en matière de santé publique",
        [14] = "Créer 20 nouveaux relais parentaux sur le territoire à horizon 2022",
        [15] = "Soutenir les parents en situation de handicap",
        [16] = "Soutenir les parents d'enfants en situation de handicap",
        [17] = "Mieux articuler les contrôles État / département",
        [18] = "Créer 600 nouvelles places d'accueil en fratries au niveau national à horizon 2022",
        [19] = "Diversifier l'offre en matière de protection de l'enfance à domicile",
        [20] = "Structurer le soutien aux tiers de confiance et aux tiers bénévoles",
        [21] = "Développer les centres parentaux",
        [22] = "Systématiser les mesures d'accompagnement au retour à domicile",
        [23] = "Développer le parrainage, le soutien scolaire, etc.",
        [24] = "Mettre en place des dispositifs d'accompagnement global et passerelles, notamment pour les jeunes en situation de handicap",
        [25] = "Favoriser l'accès aux droits et l'accompagnement vers l'autonomie des anciens mineurs non accompagnés (MNA)",
        [26] = "Renforcer la formation des professionnels",
    };

    private static readonly Dictionary<string, string> Departements = new(StringComparer.Ordinal)
    {
        ["01"] = "Ain", ["02"] = "Aisne", ["03"] = "Allier", ["04"] = "Alpes-de-Haute-Provence", ["05"] = "Hautes-Alpes",
        ["06"] = "Alpes-Maritimes", ["07"] = "Ardèche", ["08"] = "Ardennes", ["09"] = "Ariège", ["10"] = "Aube",
        ["11"] = "Aude", ["12"] = "Aveyron", ["13"] = "Bouches-du-Rhône", ["14"] = "Calvados", ["15"] = "Cantal",
        ["16"] = "Charente", ["17"] = "Charente-Maritime", ["18"] = "Cher", ["19"] = "Corrèze", ["2A"] = "Corse-du-Sud",
        ["2B"] = "Haute-Corse", ["21"] = "Côte-d'Or", ["22"] = "Côtes-d'Armor", ["23"] = "Creuse", ["24"] = "Dordogne",
        ["25"] = "Doubs", ["26"] = "Drôme", ["27"] = "Eure", ["28"] = "Eure-et-Loir", ["29"] = "Finistère",
        ["30"] = "Gard", ["31"] = "Haute-Garonne", ["32"] = "Gers", ["33"] = "Gironde", ["34"] = "Hérault",
        ["35"] = "Ille-et-Vilaine", ["36"] = "Indre", ["37"] = "Indre-et-Loire", ["38"] = "Isère", ["39"] = "Jura",
        ["40"] = "Landes", ["41"] = "Loir-et-Cher", ["42"] = "Loire", ["43"] = "Haute-Loire", ["44"] = "Loire-Atlantique",
        ["45"] = "Loiret", ["46"] = "Lot", ["47"] = "Lot-et-Garonne", ["48"] = "Lozère", ["49"] = "Maine-et-Loire",
        ["50"] = "Manche", ["51"] = "Marne", ["52"] = "Haute-Marne", ["53"] = "Mayenne", ["54"] = "Meurthe-et-Moselle",
        ["55"] = "Meuse", ["56"] = "Morbihan", ["57"] = "Moselle", ["58"] = "Nièvre", ["59"] = "Nord",
        ["60"] = "Oise", ["61"] = "Orne", ["62"] = "Pas-de-Calais", ["63"] = "Puy-de-Dôme", ["64"] = "Pyrénées-Atlantiques",
        ["65"] = "Hautes-Pyrénées", ["66"] = "Pyrénées-Orientales", ["67"] = "Bas-Rhin", ["68"] = "Haut-Rhin", ["69"] = "Rhône",
        ["70"] = "Haute-Saône", ["71"] = "Saône-et-Loire", ["72"] = "Sarthe", ["73"] = "Savoie", ["74"] = "Haute-Savoie",
        ["75"] = "Paris", ["76"] = "Seine-Maritime", ["77"] = "Seine-et-Marne", ["78"] = "Yvelines", ["79"] = "Deux-Sèvres",
        ["80"] = "Somme", ["81"] = "Tarn", ["82"] = "Tarn-et-Garonne", ["83"] = "Var", ["84"] = "Vaucluse",
        ["85"] = "Vendée", ["86"] = "Vienne", ["87"] = "Haute-Vienne", ["88"] = "Vosges", ["89"] = "Yonne",
        ["90"] = "Territoire de Belfort", ["91"] = "Essonne", ["92"] = "Hauts-de-Seine", ["93"] = "Seine-Saint-Denis", ["94"] = "Val-de-Marne",
        ["95"] = "Val-d'Oise", ["971"] = "Guadeloupe", ["972"] = "Martinique", ["973"] = "Guyane", ["974"] = "La Réunion",
        ["975"] = "Saint-Pierre-et-Miquelon", ["976"] = "Mayotte",
    };
}
