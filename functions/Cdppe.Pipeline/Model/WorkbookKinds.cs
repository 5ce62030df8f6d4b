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
}
