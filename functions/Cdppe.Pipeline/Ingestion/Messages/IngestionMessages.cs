using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion.Messages;

/// <summary>
/// Every message an ingestion gives its user, one named factory per situation and one French text per code. The
/// factories take the facts (sheet, cell, amounts, fiche, engagement…) and set the structured fields of the issue, so
/// that no caller has to read a message back. This part: the file, its sheets, what the storage can hold, the contracts.
/// The other parts: <c>IngestionMessages.Values.cs</c> (cells: amounts and indicator values) and
/// <c>IngestionMessages.Tables.cs</c> (the tables: years, fiches, objectives, indicators, totals).
/// </summary>
public static partial class IngestionMessages
{
    public static ValidationIssue FileTooLarge(long size, long limit) =>
        Error("fichier-trop-gros", $"Le fichier fait {size / (1024 * 1024)} Mo ; la limite est de {limit / (1024 * 1024)} Mo. Il reste dans le dépôt, non importé.");

    /// <summary>The reading of the file ran past the time budget of <paramref name="seconds"/>.</summary>
    public static ValidationIssue TimeBudgetExceeded(double seconds) =>
        Error("delai-depasse", $"Le classeur n'a pas pu être lu en {Seconds(seconds)} (limite de temps par fichier) : il est refusé. Vérifiez qu'il ne contient pas de lignes ou de colonnes répétées en très grand nombre, puis déposez-le à nouveau.");

    /// <summary>The upload's path does not say which département and file it is (<paramref name="reason"/> says why, in French).</summary>
    public static ValidationIssue InvalidPath(string reason) => Error("chemin-invalide", reason);

    /// <summary>The workbook could not be opened (<paramref name="reason"/> is the reader's French refusal).</summary>
    public static ValidationIssue UnreadableWorkbook(string reason, string? sheet = null, string? cell = null) =>
        Error("classeur-illisible", reason, sheet, cell);

    public static ValidationIssue ForbiddenXml(int line) =>
        UnreadableWorkbook($"Le contenu XML d'une feuille est invalide ou interdit (DTD, entités externes) près de la ligne {line} : le fichier est refusé par sécurité.");

    public static ValidationIssue MacrosIgnored() =>
        Warning("macros-ignorees", "Le classeur contient des macros (VBA) : elles ne sont jamais exécutées et ont été ignorées.");

    public static ValidationIssue IssuesSheetIgnored(string sheet) =>
        Info("feuille-erreurs-ignoree", "La feuille listant les erreurs d'un import précédent a été ignorée.", sheet);

    public static ValidationIssue HiddenSheet(string sheet) =>
        Warning("feuille-masquee", "La feuille est masquée : elle n'a pas été lue. Affichez-la si elle contient des données à importer.", sheet);

    public static ValidationIssue UnreadableSheet(string sheet) =>
        Error("feuille-illisible", "Le contenu XML de la feuille est invalide ou incomplet : elle n'a pas pu être lue. Ouvrez le fichier dans Excel, enregistrez-le à nouveau au format .xlsx, puis déposez-le.", sheet);

    public static ValidationIssue EmptySheet(string sheet) =>
        Warning("feuille-vide", "La feuille est vide : elle a été ignorée.", sheet);

    public static ValidationIssue UnknownSheet(string sheet, int rowsScanned, IEnumerable<string> kinds) =>
        Warning("feuille-inconnue", $"Feuille non reconnue : elle a été ignorée (aucun en-tête d'un type de classeur connu dans ses {rowsScanned} premières lignes ; types attendus : {KindNames(kinds)}).", sheet);

    public static ValidationIssue NoSheetRecognised(int rowsScanned, IEnumerable<string> kinds) =>
        Error("aucune-feuille-reconnue", $"Aucune feuille du classeur n'a été reconnue : ce classeur n'est d'aucun type connu ({KindNames(kinds)}). Partez du modèle de son type, à télécharger sur la page Modèles du portail, et gardez ses en-têtes de colonnes dans les {rowsScanned} premières lignes.");

    /// <summary>The kinds by their French names, as the page of the input workbooks shows them, in its order.</summary>
    private static string KindNames(IEnumerable<string> kinds)
    {
        var known = kinds.ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", WorkbookKinds.Labels.Where(k => known.Contains(k.Kind)).Select(k => k.Label).Concat(known.Where(k => WorkbookKinds.Label(k) == k)));
    }

    /// <summary>The summary of the issues beyond <see cref="IssueList.MaxDetailed"/>.</summary>
    public static ValidationIssue NotDetailed(int errors, int warnings) =>
        new(errors > 0 ? Severity.Error : Severity.Warning, "problemes-non-detailles", $"{errors + warnings} autres problèmes ({errors} erreurs, {warnings} avertissements) ne sont pas détaillés : corrigez d'abord ceux ci-dessus.");

    public static ValidationIssue CodesResolved(int count, string? sheet) =>
        Info("codes-retrouves", count == 1 ? "1 valeur sans code a été rattachée à l'indicateur du département de même libellé." : $"{count} valeurs sans code ont été rattachées aux indicateurs du département de même libellé.", sheet);

    public static ValidationIssue InvalidCharacter(int? codePoint, string? sheet, string? cell, string? seen) =>
        Error("caractere-invalide", string.Create(CultureInfo.InvariantCulture, $"Le texte contient un caractère invalide (U+{codePoint:X4}) que le stockage ne peut pas enregistrer : supprimez-le ou retapez le texte, puis déposez le fichier à nouveau."), sheet, cell, seen, "du texte sans caractère invalide");

    public static ValidationIssue TextTooLong(long length, string? sheet, string? cell, string? seen) =>
        Error("texte-trop-long", $"Le texte fait {FrenchFormat.Number(length)} caractères ; le stockage en accepte au plus {FrenchFormat.Number(TableLimits.MaxStringChars)} par valeur : raccourcissez-le.", sheet, cell, seen, $"au plus {FrenchFormat.Number(TableLimits.MaxStringChars)} caractères");

    public static ValidationIssue RowTooLarge(long bytes, string? sheet, string? cell) =>
        Error("ligne-trop-grande", $"Cette ligne occupe {FrenchFormat.Number(bytes / 1024m / 1024m, 1)} Mo une fois enregistrée ; le stockage accepte au plus 1 Mo par ligne : raccourcissez ses textes.", sheet, cell, null, "au plus 1 Mo par ligne");

    /// <summary>What attaching the workbook did to a contract's period (<paramref name="change"/> is the contract model's French sentence).</summary>
    public static ValidationIssue ContractPeriod(ContractPeriodChange change, string sheet)
    {
        var plans = string.Join(", ", change.Plans.Select(p => Years.Label(p.Years)));
        return change switch
        {
            { Overlapped: { } other, InForce: { } inForce } => Warning("periode-contrat", $"La période {change.Contract.Period} de ce plan chevauche celle de « {other.Name} » ({other.Plans[0].FileName}) : pour {YearList(change.SharedYears)}, le plan en vigueur reste celui de « {inForce.Name} ». Corrigez les années du plan qui ne convient pas et déposez-le à nouveau.", sheet),
            _ => Warning("periode-contrat", $"Ce plan ({plans}) dépasse la période de « {change.Previous?.Name} » ({change.Previous?.Plans[0].FileName}) : elle devient {change.Contract.Period}. S'il relève d'un nouveau contrat, vérifiez ses années.", sheet),
        };
    }

    /// <summary>"2021", "2021 et 2022", "2020, 2021 et 2022".</summary>
    private static string YearList(IReadOnlyList<int> years) => years.Count == 1
        ? years[0].ToString(CultureInfo.InvariantCulture)
        : string.Join(", ", years.Take(years.Count - 1).Select(y => y.ToString(CultureInfo.InvariantCulture))) + " et " + years[^1].ToString(CultureInfo.InvariantCulture);

    public static ValidationIssue PlanReplaced(string years, string replacedYears, string replacedFile, string sheet) =>
        Warning("plan-remplace", $"Ce plan d'action ({years}) remplace celui de {replacedYears} ({replacedFile}) : les fiches et les financements de {replacedYears} ne seront plus ceux des rapports de ces années (les rapports déjà produits restent dans reports/ et le classeur remplacé dans archive/).", sheet);

    public static ValidationIssue OutsideContracts(IEnumerable<int> years, IEnumerable<string> contracts, string? sheet) =>
        Warning("hors-periode", $"Aucun contrat en vigueur en {string.Join(", ", years)} (contrats connus : {string.Join(", ", contracts)}) : les données de ces années sont gardées, mais ne seront consolidées et reprises dans un rapport qu'une fois déposé le plan qui les couvre.", sheet);

    /// <summary>"120 secondes", "0,5 seconde": at most 3 decimals, as many as the setting has.</summary>
    private static string Seconds(double value)
    {
        var seconds = Math.Round((decimal)value, 3);
        var decimals = Enumerable.Range(0, 4).First(d => Math.Round(seconds, d) == seconds);
        return FrenchFormat.Number(seconds, decimals) + (seconds >= 2 ? " secondes" : " seconde");
    }

    private static ValidationIssue Error(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        new(Severity.Error, code, message, sheet, cell, seen, expected);

    private static ValidationIssue Warning(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        new(Severity.Warning, code, message, sheet, cell, seen, expected);

    private static ValidationIssue Info(string code, string message, string? sheet = null, string? cell = null) =>
        new(Severity.Info, code, message, sheet, cell);
}
