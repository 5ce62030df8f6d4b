using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// The workbook kinds and their French names; <see cref="Required"/> are those the rapport d'exécution of a year
/// reads (the plans define fiches and indicators, the rapport financier and the bilans are per year, the suivi
/// mensuel gives the months).
/// </summary>
public static class ReportKinds
{
    public static IReadOnlyList<KindLabel> All { get; } = [.. WorkbookKinds.Labels.Select(k => new KindLabel(k.Kind, k.Label))];

    public static IReadOnlyList<string> Required { get; } =
    [
        WorkbookKinds.PlanAction,
        WorkbookKinds.TableauDeBord,
        WorkbookKinds.RapportFinancier,
        WorkbookKinds.BilansFiches,
        WorkbookKinds.SuiviMensuel,
    ];

    public static string Label(string kind) => WorkbookKinds.Label(kind);
}
