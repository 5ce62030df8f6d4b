using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Messages;

/// <summary>The messages about a table as a whole: its years, its fiches, objectives and indicators, its totals.</summary>
public static partial class IngestionMessages
{
    /// <summary>The years of a table of kind <paramref name="kind"/> are written nowhere the parser looks.</summary>
    public static ValidationIssue YearNotFound(string kind, string sheet, string cell, string seen)
    {
        var (of, hint, expected) = kind switch
        {
            PlanActionParser.KindName => ("les années du plan d'action", "les colonnes des cibles et des financements doivent porter leur année, par exemple « 2020 », « 2021 », « 2022 » sous « Cibles » ou « Masse salariale ».", "des en-têtes d'années « 2020 », « 2021 », « 2022 »"),
            RapportFinancierParser.KindName => ("l'année du rapport financier", "l'en-tête de la colonne du budget consommé dans l'année doit contenir l'année, par exemple « Budget consommé en 2022 ».", "« Budget consommé en AAAA »"),
            TableauDeBordParser.KindName => ("les années du tableau de bord", "écrivez les années (« 2020 », « 2021 », « 2022 ») sous « Niveau cible de l'objectif » et sous « Niveau d'atteinte de l'objectif ».", "une ligne d'années sous les en-têtes de cibles"),
            SyntheseObjectifsParser.KindName => ("les années de la synthèse", "écrivez les années (« 2020 », « 2021 », « 2022 ») sous « Actions à mettre en œuvre », ou la période dans le titre (« Plan d'action 2020-2022 »).", "des en-têtes d'années sous « Actions à mettre en œuvre »"),
            Annexe21Parser.KindName => ("l'année de l'annexe 2.1", "l'en-tête des actions doit contenir l'année, par exemple « Actions à mettre en œuvre 2023 » (ou « Financements 2023 » au-dessus des montants).", "« Actions à mettre en œuvre AAAA »"),
            _ => ("l'année des bilans", "l'en-tête du bilan qualitatif doit contenir sa date, par exemple « Bilan qualitatif au 31/12/2022 », ou le titre l'année (« Bilans des fiches actions 2022 »).", "« Bilan qualitatif au 31/12/AAAA »"),
        };
        return Error("annee-introuvable", $"Impossible de déterminer {of} : {hint}", sheet, cell, seen, expected) with { Kind = kind };
    }

    public static ValidationIssue NextYearMismatch(string column, int year, string sheet, string cell) =>
        Warning("annee-suivante", $"La colonne « {column} » ne porte pas sur l'année qui suit {year}.", sheet, cell, column, (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ValidationIssue UnlabelledSourceColumn(string column, string sheet, string cell) =>
        Info("colonne-source-sans-intitule", $"La colonne {column} contient les sources du financement État (FIR, 304, ONDAM…) sans intitulé propre : les intitulés « Département », « État », « Total pour l'objectif »… écrits à partir d'elle ont été lus comme ceux des colonnes suivantes.", sheet, cell);

    /// <summary>No data row under the header of a table of kind <paramref name="kind"/>.</summary>
    public static ValidationIssue EmptyTable(string kind, string sheet, string cell)
    {
        var rows = kind switch
        {
            PlanActionParser.KindName => "fiche action",
            RapportFinancierParser.KindName => "ligne de fiche action",
            TableauDeBordParser.KindName => "ligne d'indicateur",
            BilansFichesParser.KindName => "fiche",
            _ => "ligne d'objectif",
        };
        return Error("tableau-vide", $"{Capitalized(TableName(kind))} ne contient aucune {rows} sous son en-tête.", sheet, cell) with { Kind = kind };
    }

    public static ValidationIssue InvalidFiche(string sheet, SheetCell cell) =>
        Error("fiche-invalide", "Le numéro de fiche action doit être un entier de 1 à 999.", sheet, cell.Reference, cell.Display, "un entier de 1 à 999");

    /// <summary>A row of data without a fiche number: an indicator of the plan d'action, a bilan.</summary>
    public static ValidationIssue FicheMissing(string kind, string sheet, string cell) =>
        Error("fiche-absente", $"Cette ligne {(kind == BilansFichesParser.KindName ? "de bilan" : "d'indicateur")} n'est rattachée à aucune fiche action : le numéro de fiche manque.", sheet, cell, null, "le numéro de la fiche action");

    public static ValidationIssue DuplicateFiche(string kind, int fiche, string firstCell, string sheet, SheetCell cell) =>
        Error("fiche-en-double", $"La fiche action n° {fiche} apparaît deux fois dans {TableName(kind)} (première fois en {firstCell}).", sheet, cell.Reference, cell.Display, "un numéro de fiche unique") with { Kind = kind, Fiche = fiche };

    public static ValidationIssue DuplicateAction(string action, string? objective, string sheet, string cell, string? seen) =>
        Error("action-en-double", $"L'action {action} de l'objectif « {objective} » apparaît deux fois dans le tableau.", sheet, cell, seen, "un numéro d'action unique par objectif");

    public static ValidationIssue MissingTitle(int fiche, string sheet, string cell) =>
        Warning("intitule-absent", $"La fiche action n° {fiche} n'a pas d'intitulé.", sheet, cell, null, "l'intitulé de la fiche") with { Fiche = fiche };

    public static ValidationIssue NatureMismatch(int fiche, string nature, NationalObjective objective, string sheet, string cell, string? seen) =>
        Warning("nature-incoherente", $"La fiche action n° {fiche} est dite « {nature} » alors que l'objectif {objective.Numero} est {objective.Nature}.", sheet, cell, seen, objective.Nature) with { Fiche = fiche };

    public static ValidationIssue UnknownObjective(string sheet, string cell, string seen) =>
        Warning("objectif-inconnu", "L'objectif n'a pas été reconnu dans la liste nationale (1 à 26) : il est traité comme « Sans objectif ».", sheet, cell, seen, "« Objectif N : … », son numéro ou son libellé national");

    public static ValidationIssue InvalidObjective(string sheet, string cell, string seen) =>
        Error("objectif-invalide", "Le numéro d'objectif doit être un entier de 1 à 26.", sheet, cell, seen, "un numéro d'objectif national de 1 à 26");

    public static ValidationIssue ObjectiveMismatch(int? numero, int byWording, string sheet, string cell, string seen) =>
        Warning("objectif-incoherent", $"Le numéro d'objectif {numero} ne correspond pas à son libellé, qui est celui de l'objectif {byWording}.", sheet, cell, seen, byWording.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ValidationIssue SeveralObjectives(int fiche, IReadOnlyList<int> objectives, string sheet, string cell, string? seen) =>
        Warning("plusieurs-objectifs", $"La fiche {fiche} nomme plusieurs objectifs ({string.Join(", ", objectives)}) : elle est rattachée au premier, l'objectif {objectives[0]}.", sheet, cell, seen, "un seul objectif par fiche") with { Fiche = fiche };

    public static ValidationIssue TargetsWithoutLabel(int fiche, string sheet, string cell) =>
        Warning("indicateur-sans-libelle", $"La fiche action n° {fiche} a des cibles sans libellé d'indicateur : elles n'ont pas été importées.", sheet, cell, null, "le libellé de l'indicateur") with { Fiche = fiche };

    public static ValidationIssue DivergentTargets(string code, int year, int? otherFiche, string sheet, string cell, string seen, string other) =>
        Warning("cibles-divergentes", $"L'indicateur {code} a déjà une cible {year} différente (fiche {otherFiche}).", sheet, cell, seen, other);

    public static ValidationIssue DuplicateIndicator(string label, string firstCell, string sheet, string cell, string seen) =>
        Warning("indicateur-en-double", $"L'indicateur « {label} » apparaît deux fois pour le même objectif (première fois en {firstCell}) : seule la première ligne est gardée.", sheet, cell, seen, "une seule ligne par indicateur et par objectif");

    /// <summary>Amounts on a plan d'action row without fiche number (<paramref name="cells"/>, at least one).</summary>
    public static ValidationIssue AmountsWithoutFiche(IReadOnlyList<SheetCell> cells, string ficheCell, string sheet)
    {
        var what = cells.Count == 1 ? "Un montant est saisi" : $"{cells.Count} montants sont saisis";
        return Error("montant-sans-fiche", $"{what} sur une ligne sans numéro de fiche ({string.Join(", ", cells.Select(c => c.Reference))}) : ils ne peuvent pas être rattachés à une fiche.", sheet, cells[0].Reference, cells[0].Display, $"le numéro de fiche en {ficheCell}, ou les montants sur la première ligne de la fiche");
    }

    public static ValidationIssue CofundingSource(int fiche, string funder, decimal amount, string source, string sheet, string cell) =>
        Warning("cofinancement-source", $"Fiche {fiche} : un co-financement {funder} de {FrenchFormat.Euros(amount)} est saisi mais la source de co-financement indique « {source} ».", sheet, cell, source, $"une source qui cite {funder}") with { Fiche = fiche };

    /// <summary>"le plan d'action", "la synthèse par objectif": the table of a kind, as a sentence names it.</summary>
    private static string TableName(string kind) => kind switch
    {
        PlanActionParser.KindName => "le plan d'action",
        RapportFinancierParser.KindName => "le rapport financier",
        TableauDeBordParser.KindName => "le tableau de bord",
        BilansFichesParser.KindName => "la feuille des bilans",
        SyntheseObjectifsParser.KindName => "la synthèse par objectif",
        Annexe21Parser.KindName => "l'annexe 2.1",
        _ => "le suivi mensuel",
    };

    private static string Capitalized(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
