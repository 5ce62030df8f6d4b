using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Messages;

/// <summary>The messages of the sums: printed totals, funders, consumed amounts, the same amount in two workbooks.</summary>
public static partial class IngestionMessages
{
    /// <summary>The code of a printed total that differs from the sum of its rows.</summary>
    public const string TotalMismatchCode = "total-incoherent";

    public static ValidationIssue TotalsNotChecked(string sheet) =>
        Info("total-non-controle", "Les totaux imprimés n'ont pas été contrôlés : des lignes contiennent des erreurs.", sheet);

    public static ValidationIssue UnreadableTotalRow(string sheet, string cell) =>
        Warning("total-illisible", "La ligne de total ne contient aucun montant lisible : le total n'a pas pu être contrôlé.", sheet, cell);

    /// <summary>A table without a "Total" row: a warning for the rapport financier, an information for the objective plans.</summary>
    public static ValidationIssue MissingTotalRow(string kind, string sheet) =>
        new ValidationIssue(kind == RapportFinancierParser.KindName ? Severity.Warning : Severity.Info, "ligne-total-absente", "Le tableau n'a pas de ligne « Total » : le total n'a pas pu être contrôlé.", sheet) with { Kind = kind };

    /// <summary>A printed total of the plan d'action differs from the sum of its fiches (<paramref name="column"/>: "masse salariale 2020").</summary>
    public static ValidationIssue PlanTotalMismatch(string column, decimal printed, decimal sum, string sheet, string cell) =>
        TotalMismatch(column, "le total", "fiches", printed, sum, sheet, cell) with { Kind = PlanActionParser.KindName, Column = column };

    /// <summary>
    /// A printed sub-total (of <paramref name="engagement"/>) or grand total (<paramref name="engagement"/> null) of the
    /// rapport financier differs from the sum of its lines. <paramref name="column"/> is the <see cref="BudgetLine"/>
    /// property of the amount, <paramref name="label"/> its French name.
    /// </summary>
    public static ValidationIssue BudgetTotalMismatch(string column, string label, string? engagement, decimal printed, decimal sum, string sheet, string cell) =>
        TotalMismatch(label, engagement is null ? "le total général" : $"le sous-total de « {engagement} »", "lignes", printed, sum, sheet, cell)
            with { Kind = RapportFinancierParser.KindName, Column = column, Engagement = engagement };

    public static ValidationIssue ObjectivePlanTotalMismatch(string kind, string column, decimal printed, decimal sum, string sheet, string cell) =>
        TotalMismatch(column, $"le total de {TableName(kind)}", "objectifs", printed, sum, sheet, cell) with { Kind = kind, Column = column };

    public static ValidationIssue PlannedTotalMissing(int fiche, decimal computed, string sheet, string cell) =>
        Warning("total-absent", $"Fiche {fiche} : les moyens financiers prévus ne sont pas renseignés alors que ses financements font {FrenchFormat.Euros(computed)}.", sheet, cell, null, FrenchFormat.Euros(computed)) with { Fiche = fiche };

    /// <summary>The amounts of a funder over the years do not make its printed total (<paramref name="funder"/>: "masse salariale").</summary>
    public static ValidationIssue YearsDoNotMakeTotal(int fiche, string funder, decimal printed, decimal sum, string sheet, string cell) =>
        Warning("annees-total", $"Fiche {fiche} : les montants {funder} des années ne font pas leur total.", sheet, cell, FrenchFormat.Euros(printed), FrenchFormat.Euros(sum)) with { Fiche = fiche, Column = funder };

    public static ValidationIssue DepartementTotalMismatch(int fiche, int year, decimal printed, decimal parts, string sheet, string cell) =>
        Warning("total-cd-incoherent", $"Fiche {fiche}, {year} : masse salariale + budget DGAS ne font pas le total CD.", sheet, cell, FrenchFormat.Euros(printed), FrenchFormat.Euros(parts)) with { Fiche = fiche };

    /// <summary>CD + FIR + État + ONDAM of a fiche do not make its printed moyens financiers prévus.</summary>
    public static ValidationIssue PlanFundersMismatch(int fiche, decimal funders, decimal printed, string sheet, string cell) =>
        FundersMismatch($"Fiche {fiche}", "CD + FIR + État + ONDAM", funders, "les moyens financiers prévus", printed, sheet, cell) with { Fiche = fiche };

    /// <summary>Département + État of an objective do not make its printed total (<paramref name="objective"/>: its number or wording).</summary>
    public static ValidationIssue ObjectiveFundersMismatch(string objective, decimal funders, decimal printed, string sheet, string cell) =>
        FundersMismatch($"Objectif {objective}", "Département + État", funders, "le total pour l'objectif", printed, sheet, cell);

    public static ValidationIssue FundersBudgetMismatch(BudgetLine line, decimal funders, string sheet, string cell) =>
        Warning("financeurs-budget", $"Pour {LineName(line)}, Département + FIR + État + ONDAM ({FrenchFormat.Euros(funders)}) ne font pas le budget global.", sheet, cell, FrenchFormat.Euros(line.BudgetGlobal), FrenchFormat.Euros(funders)) with { Fiche = line.Fiche, Engagement = line.Engagement };

    public static ValidationIssue CumulativeMismatch(BudgetLine line, string sheet, string cell) =>
        Warning("consomme-cumul", $"Pour {LineName(line)}, le consommé des années précédentes plus celui de l'année ne fait pas le cumul.", sheet, cell, FrenchFormat.Euros(line.ConsumedCumulative), FrenchFormat.Euros(line.ConsumedBefore + line.ConsumedInYear)) with { Fiche = line.Fiche, Engagement = line.Engagement };

    public static ValidationIssue LineOverConsumed(BudgetLine line, string sheet, string cell) =>
        OverConsumed(LineName(line), line.ConsumedCumulative, line.BudgetGlobal, sheet, cell) with { Fiche = line.Fiche, Engagement = line.Engagement };

    /// <summary>Lines sharing one planned amount (merged over them) consume more than it.</summary>
    public static ValidationIssue SharedOverConsumed(IEnumerable<BudgetLine> lines, decimal consumed, decimal planned, string sheet, string cell) =>
        OverConsumed($"les lignes {string.Join(", ", lines.Select(l => l.Action ?? l.Objectif))}, qui partagent un même budget prévu", consumed, planned, sheet, cell);

    public static ValidationIssue BilanOverConsumed(int fiche, decimal consumed, decimal planned, string sheet, string cell) =>
        OverConsumed($"le bilan de la fiche {fiche}", consumed, planned, sheet, cell) with { Fiche = fiche };

    public static ValidationIssue PercentMismatch(int fiche, decimal consumed, decimal planned, string printed, string computed, string sheet, string cell) =>
        Warning("pourcentage-incoherent", $"Bilan de la fiche {fiche} : le pourcentage consommé imprimé ne correspond pas à {FrenchFormat.Euros(consumed)} / {FrenchFormat.Euros(planned)}.", sheet, cell, printed, computed) with { Fiche = fiche };

    public static ValidationIssue NotConsumedMismatch(int fiche, decimal printed, decimal computed, string sheet, string cell) =>
        Warning("non-consomme-incoherent", $"Bilan de la fiche {fiche} : le montant non consommé ne fait pas le total prévu moins le consommé.", sheet, cell, FrenchFormat.Euros(printed), FrenchFormat.Euros(computed)) with { Fiche = fiche };

    /// <summary>The planned total of a fiche differs from the one of another workbook (<paramref name="where"/>: "du plan d'action").</summary>
    public static ValidationIssue PlannedDiverges(int fiche, decimal amount, decimal other, string where, string? sheet, string? cell) =>
        Warning("fiche-prevu-divergent", $"Fiche {fiche} : le total prévu ({FrenchFormat.Euros(amount)}) diffère de celui {where} ({FrenchFormat.Euros(other)}).", sheet, cell, FrenchFormat.Euros(amount), $"{FrenchFormat.Euros(other)} ({where})") with { Fiche = fiche };

    public static ValidationIssue ConsumedDiverges(int fiche, decimal amount, decimal other, string where, string? sheet, string? cell) =>
        Warning("fiche-consomme-divergent", $"Fiche {fiche} : le montant consommé ({FrenchFormat.Euros(amount)}) diffère de celui {where} ({FrenchFormat.Euros(other)}).", sheet, cell, FrenchFormat.Euros(amount), $"{FrenchFormat.Euros(other)} ({where})") with { Fiche = fiche };

    /// <summary>An indicator's target differs from the one of the other workbook of kind <paramref name="otherKind"/> (values as printed).</summary>
    public static ValidationIssue TargetDiverges(string code, int year, string target, string other, string otherKind, string? sheet, string? cell)
    {
        var where = otherKind == PlanActionParser.KindName ? "du plan d'action" : "du tableau de bord";
        return Warning("cible-divergente", $"L'indicateur {code} a pour cible {year} {target}, contre {other} dans celle {where}.", sheet, cell, target, $"{other} ({where})");
    }

    private static ValidationIssue TotalMismatch(string column, string total, string parts, decimal printed, decimal sum, string sheet, string cell) =>
        Warning(TotalMismatchCode, $"Colonne {column} : {total} imprimé ne correspond pas à la somme des {parts} (écart de {FrenchFormat.Euros(printed - sum)}).", sheet, cell, FrenchFormat.Euros(printed), FrenchFormat.Euros(sum));

    private static ValidationIssue FundersMismatch(string subject, string funders, decimal sum, string total, decimal printed, string sheet, string cell) =>
        Warning("financeurs-total", $"{subject} : {funders} ({FrenchFormat.Euros(sum)}) ne font pas {total}.", sheet, cell, FrenchFormat.Euros(printed), FrenchFormat.Euros(sum));

    private static ValidationIssue OverConsumed(string subject, decimal consumed, decimal planned, string sheet, string cell) =>
        Warning("consomme-superieur-prevu", $"Pour {subject}, le montant consommé dépasse le budget prévu.", sheet, cell, FrenchFormat.Euros(consumed), $"au plus {FrenchFormat.Euros(planned)}");

    /// <summary>"la fiche 3", "l'action « Action n°9-1 »", "l'objectif « … »": a line of the rapport financier in a sentence.</summary>
    private static string LineName(BudgetLine line) =>
        line.Fiche is { } f ? $"la fiche {f}" : line.Action is { } a ? $"l'action « {a} »" : $"l'objectif « {line.Objectif ?? line.Mesure} »";
}
