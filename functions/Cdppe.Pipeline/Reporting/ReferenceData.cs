using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>National reference texts the report prints: département names, engagement titles, and the objectives' wording (<see cref="NationalObjectives"/>).</summary>
public static class ReferenceData
{
    /// <summary>The name of a département ("Seine-et-Marne" for 77), or its code when unknown.</summary>
    public static string DepartementName(Departement departement) => Departements.GetValueOrDefault(departement.Code, departement.Code);

    /// <summary>The national wording of an objective (<see cref="NationalObjectives"/>), or null.</summary>
    public static string? ObjectiveLabel(int? number) => NationalObjectives.Get(number)?.Libelle;

    /// <summary>Objectives 1-11 are fondamental, 12-26 facultatif (Annexe 2 of the contract).</summary>
    public static string? ObjectiveNature(int? number) => NationalObjectives.Get(number)?.Nature;

    /// <summary>The full title of an engagement written short ("Engagement 1"), as the rapport financier prints it.</summary>
    public static string EngagementTitle(string engagement) => EngagementTitles.GetValueOrDefault(engagement.Trim(), engagement);

    private static readonly Dictionary<string, string> EngagementTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Engagement 1"] = "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
        ["Engagement 2"] = "Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures",
        ["Engagement 3"] = "Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits",
        ["Engagement 4"] = "Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte",
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
