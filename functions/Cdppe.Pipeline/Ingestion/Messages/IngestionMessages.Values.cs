using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Messages;

/// <summary>The messages about one cell's content: euro amounts, indicator values, months.</summary>
public static partial class IngestionMessages
{
    /// <summary>What an amount cell should hold, as the "attendu" of its issues.</summary>
    public const string AmountExpected = "un montant en euros, par exemple « 839 727 € » ou « - € »";

    /// <summary>What an indicator value cell should hold.</summary>
    public const string ValueExpected = "un nombre, un pourcentage, un jalon ou « NC »";

    /// <summary><paramref name="what"/> names the amount: "budget global", "masse salariale 2020 de la fiche 1".</summary>
    public static ValidationIssue NegativeAmount(string what, string sheet, SheetCell cell) =>
        Error("montant-negatif", $"Le montant {what} est négatif.", sheet, cell.Reference, cell.Display, "un montant positif ou nul");

    public static ValidationIssue AmountOverLimit(string what, string sheet, SheetCell cell) =>
        Error("montant-hors-limite", $"Le montant {what} dépasse 1 000 milliards d'euros.", sheet, cell.Reference, cell.Display, "un montant inférieur à 10^12 €");

    public static ValidationIssue PercentAsAmount(string what, string sheet, SheetCell cell) =>
        Error("montant-pourcentage", $"Le montant {what} est un pourcentage.", sheet, cell.Reference, cell.Display, AmountExpected);

    public static ValidationIssue UnreadableAmount(string what, string sheet, SheetCell cell) =>
        Error("montant-illisible", $"Le montant {what} n'est pas un nombre.", sheet, cell.Reference, cell.Display, AmountExpected);

    public static ValidationIssue AmountFormulaError(string what, string sheet, SheetCell cell) =>
        FormulaError($"du montant {what}", sheet, cell, AmountExpected);

    /// <summary><paramref name="what"/> names the value: "cible 2021", "de diagnostic", "de l'indicateur".</summary>
    public static ValidationIssue ValueFormulaError(string what, string sheet, SheetCell cell) =>
        FormulaError($"de la valeur {what}", sheet, cell, ValueExpected);

    public static ValidationIssue NegativeValue(string what, string sheet, SheetCell cell) =>
        Error("valeur-negative", $"La valeur {what} ne peut pas être négative.", sheet, cell.Reference, cell.Display, "une valeur positive ou nulle");

    public static ValidationIssue SeveralValues(string what, string sheet, SheetCell cell) =>
        Warning("plusieurs-valeurs", $"La cellule de la valeur {what} contient plusieurs valeurs : elle est gardée comme texte. Mettez chaque indicateur sur sa ligne.", sheet, cell.Reference, cell.Display, "une seule valeur par cellule");

    /// <summary>The moyens prévisionnels of a bilan are a text without any euro amount.</summary>
    public static ValidationIssue NoAmountInText(int fiche, string sheet, string cell, string? seen) =>
        Warning("montant-introuvable", $"Fiche {fiche} : aucun montant en euros n'a été trouvé dans les moyens prévisionnels.", sheet, cell, seen, "« Total : 839 727 € »") with { Fiche = fiche };

    public static ValidationIssue UnreadablePeriod(string sheet, SheetCell cell) =>
        Error("periode-illisible", "La période n'est pas un mois reconnu.", sheet, cell.Reference, cell.Display, "un mois au format AAAA-MM, par exemple « 2022-06 »");

    public static ValidationIssue UnreadableReliability(string sheet, SheetCell cell) =>
        Warning("fiabilite-illisible", "La colonne « fiable » attend « oui » ou « non » ; la valeur est considérée comme fiable.", sheet, cell.Reference, cell.Display, "« oui » ou « non »");

    public static ValidationIssue DuplicateValue(string code, Model.YearMonth period, string firstCell, string sheet, SheetCell cell) =>
        Error("valeur-en-double", $"L'indicateur {code} a déjà une valeur pour {period} (cellule {firstCell}).", sheet, cell.Reference, cell.Display, "une seule valeur par indicateur et par mois");

    public static ValidationIssue MissingIndicator(string sheet, string cell) =>
        Error("indicateur-absent", "La ligne n'indique ni code ni libellé d'indicateur.", sheet, cell, null, "un code ou un libellé d'indicateur");

    private static ValidationIssue FormulaError(string of, string sheet, SheetCell cell, string expected) =>
        Error("formule-en-erreur", $"La cellule {of} contient une erreur de formule.", sheet, cell.Reference, cell.Display, expected);
}
