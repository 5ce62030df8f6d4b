namespace Cdppe.Pipeline.Model;

/// <summary>
/// The kinds of workbook sheets the pipeline reads, by the name they are stored, listed and keyed with: each parser
/// reads one of them, and the datasets, contracts, reports and pages name them from here.
/// </summary>
public static class WorkbookKinds
{
    /// <summary>The plan d'action: fiche definitions, planned funding and its statement of the indicators.</summary>
    public const string PlanAction = "plan-action";

    /// <summary>The synthèse des objectifs of a contract.</summary>
    public const string SyntheseObjectifs = "synthese-objectifs";

    /// <summary>The annexe 2.1 of an avenant.</summary>
    public const string Annexe21 = "annexe-2-1";

    /// <summary>The State's tableau de bord of the indicators.</summary>
    public const string TableauDeBord = "tableau-de-bord";

    /// <summary>A year's rapport financier.</summary>
    public const string RapportFinancier = "rapport-financier";

    /// <summary>A year's bilans of the fiches.</summary>
    public const string BilansFiches = "bilans-fiches";

    /// <summary>The monthly values of the indicators.</summary>
    public const string SuiviMensuel = "suivi-mensuel";

    /// <summary>Every kind with its French name as users read it (the page of the input workbooks, the messages), in that order.</summary>
    public static IReadOnlyList<(string Kind, string Label)> Labels { get; } =
    [
        (PlanAction, "Plan d'action et de financement"),
        (SyntheseObjectifs, "Synthèse des objectifs"),
        (TableauDeBord, "Tableau de bord des indicateurs"),
        (Annexe21, "Annexe 2-1 (objectifs de l'année)"),
        (RapportFinancier, "Rapport financier"),
        (BilansFiches, "Bilans des fiches actions"),
        (SuiviMensuel, "Suivi mensuel des indicateurs"),
    ];

    /// <summary>The French name of a kind, or the kind itself when it has none.</summary>
    public static string Label(string kind) => Labels.FirstOrDefault(k => k.Kind == kind).Label ?? kind;
}
