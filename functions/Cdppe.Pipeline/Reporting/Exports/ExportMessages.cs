using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>The French texts of the exports' refusals, shared by the API and the portal.</summary>
public static class ExportMessages
{
    public static string NoIndicators(Departement departement) =>
        $"Aucun indicateur n'a été importé pour le département {departement.Code} : déposez d'abord son tableau de bord ou son plan d'action.";

    public static string NoFinancialData(Departement departement, int year) =>
        $"Aucun rapport financier {year} n'a été importé pour le département {departement.Code} : déposez d'abord son rapport financier.";

    public static string NoAnnexe(Departement departement, int year) =>
        $"Aucune annexe 2.1 {year - 1} n'a été importée pour le département {departement.Code} : l'annexe {year} part des actions et des montants prévus pour {year} par celle de {year - 1}.";

    public const string NationalOnly = "Le classeur national est réservé aux services de l'État (rôle National).";

    public static string NoNationalData(int year) =>
        $"Aucun département n'a de données pour {year} : le classeur national liste les départements qui ont déposé leurs classeurs de l'année.";
}
