using Cdppe.Pipeline.Ingestion.Kinds;

namespace Cdppe.Pipeline.Portal;

/// <summary>A workbook kind as users name it.</summary>
public sealed record KindLabel(string Kind, string Label);

/// <summary>
/// The workbook kinds and their French names; <see cref="Required"/> are those the rapport d'exécution of a year
/// reads (the plans define fiches and indicators, the rapport financier and the bilans are per year, the suivi
/// mensuel gives the months).
/// </summary>
public static class ReportKinds
{
    public static IReadOnlyList<KindLabel> All { get; } =
    [
        new(PlanActionParser.KindName, "Plan d'action et de financement"),
        new(SyntheseObjectifsParser.KindName, "Synthèse des objectifs"),
        new(TableauDeBordParser.KindName, "Tableau de bord des indicateurs"),
        new(Annexe21Parser.KindName, "Annexe 2-1 (objectifs de l'année)"),
        new(RapportFinancierParser.KindName, "Rapport financier"),
        new(BilansFichesParser.KindName, "Bilans des fiches actions"),
        new(SuiviMensuelParser.KindName, "Suivi mensuel des indicateurs"),
    ];

    public static IReadOnlyList<string> Required { get; } =
    [
        PlanActionParser.KindName,
        TableauDeBordParser.KindName,
        RapportFinancierParser.KindName,
        BilansFichesParser.KindName,
        SuiviMensuelParser.KindName,
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind)?.Label ?? kind;
}
