using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>The French texts of the campaign's refusals.</summary>
public static class CampaignMessages
{
    public const string OnlyDepartementTransmits = "Seul un compte du département transmet son rapport à l'État (les rôles National et Opérateur ne transmettent pas).";

    public const string OnlyNationalReviews = "Seuls les services de l'État (rôle National) instruisent et valident une campagne.";

    public const string NationalOnly = "La liste des campagnes de tous les départements est réservée aux services de l'État (rôle National).";

    public const string Changed = "La campagne vient d'être modifiée par quelqu'un d'autre : rechargez la page puis recommencez.";

    public const string PackageNotFound = "Ce paquet de transmission n'existe pas pour ce département et cette année.";

    /// <summary>« 7 décembre 2026 à 04:10 UTC ».</summary>
    public static string At(DateTimeOffset at) =>
        FrenchFormat.Date(DateOnly.FromDateTime(at.UtcDateTime)) + " à " + at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The journal's line for a report generated, whether by the API or the portal.</summary>
    public static string ReportGenerated(int year, string templateSource) => $"Génération du rapport {year} ({templateSource}).";

    public static string NothingToTransmit(Departement departement, int year) =>
        $"Rien à transmettre : aucune donnée n'a été importée pour le département {departement.Code} en {year}.";

    public static string CannotTransmit(CampaignState state) =>
        $"La campagne est « {CampaignStates.Label(state)} » : elle ne peut être transmise qu'en préparation ou à compléter.";

    public static string CannotReview(CampaignState from, CampaignState to) =>
        $"Une campagne « {CampaignStates.Label(from)} » ne peut pas passer « {CampaignStates.Label(to)} ».";

    public static string UnknownState(string? state) =>
        $"« {state} » n'est pas un état de revue (attendu : en-instruction, a-completer ou valide).";

    public static string InvalidPart(string? part) =>
        $"« {part} » ne désigne pas une partie du rapport (attendu : ensemble, fiche-9, indicateur-9.1, rapport-financier-12 ou texte-introduction).";

    public static string InvalidText(int number) =>
        $"La remarque {number} est vide ou dépasse {RemarkParts.MaxTextLength} caractères.";

    public static readonly string TooManyRemarks = $"Une revue porte au plus {RemarkParts.MaxRemarks} remarques.";

    /// <summary>Why a package goes without the report as PDF (its .docx is in the package).</summary>
    public static string PdfMissing(PdfConversionFailure failure, PdfConversionOptions options) => "Le rapport au format PDF manque à ce paquet : " + (failure switch
    {
        PdfConversionFailure.NoConverter => "aucun convertisseur PDF n'est disponible sur ce serveur (LibreOffice, commande soffice, ou un service Gotenberg renseigné dans Cdppe:Pdf:GotenbergUrl).",
        PdfConversionFailure.TimedOut => $"la conversion a dépassé la durée maximale de {Seconds(options.TimeoutSeconds)} et a été arrêtée.",
        PdfConversionFailure.Busy => $"trop de conversions en PDF étaient en cours sur ce serveur ({options.MaxConcurrentConversions} à la fois et {options.MaxQueuedConversions} en attente au plus).",
        _ => "la conversion a échoué.",
    }) + " Le rapport y est au format Word (.docx).";

    private static string Seconds(int seconds) => FrenchFormat.Number(seconds) + (seconds > 1 ? " secondes" : " seconde");
}
