using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;

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
        new(WorkbookKinds.PlanAction, "Plan d'action et de financement"),
        new(WorkbookKinds.SyntheseObjectifs, "Synthèse des objectifs"),
        new(WorkbookKinds.TableauDeBord, "Tableau de bord des indicateurs"),
        new(WorkbookKinds.Annexe21, "Annexe 2-1 (objectifs de l'année)"),
        new(WorkbookKinds.RapportFinancier, "Rapport financier"),
        new(WorkbookKinds.BilansFiches, "Bilans des fiches actions"),
        new(WorkbookKinds.SuiviMensuel, "Suivi mensuel des indicateurs"),
    ];

    public static IReadOnlyList<string> Required { get; } =
    [
        WorkbookKinds.PlanAction,
        WorkbookKinds.TableauDeBord,
        WorkbookKinds.RapportFinancier,
        WorkbookKinds.BilansFiches,
        WorkbookKinds.SuiviMensuel,
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind)?.Label ?? kind;
}
