using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// Next year's Annexe 2.1 in the State's layout: the instructions block, the two header rows, engagement banners and
/// one row per objective and action (objectives in the national wording), started from the annexe of the year before:
/// its actions, and its "Financements {year}" amounts as the year's total per objective (to be split between the
/// Département and the State); "Financements {year + 1}" left to fill in; the total row and the recap sheet (the
/// "tableau vert") as formulas. Dropped back, the plan sheet is read as an annexe 2.1 of the year.
/// </summary>
public static class AnnexeSheets
{
    public const string PlanSheetName = "Plan d'action";

    public const string RecapSheetName = "Récapitulatif";

    /// <summary>Rows of the instructions block, then the table's title; the header starts on the row after.</summary>
    public const int HeaderRow = 10;

    public static IReadOnlyList<XlsxSheetSpec> Build(Departement departement, int year, IReadOnlyList<ObjectivePlan> previous)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var next = (year + 1).ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"Annexe 2.1 . Plan d'action {y} — {ReferenceData.DepartementName(departement)} ({departement.Code})"),
            Row("INDICATIONS POUR LA COMPLÉTUDE DU PLAN D'ACTIONS"),
            Row("- Ne pas modifier la structure du tableau et le transmettre impérativement au format Excel (et non PDF)"),
            Row("- Veiller au respect des sources de financement État / Sécurité sociale prévues objectif par objectif"),
            Row("- Lorsque cela est pertinent, indiquer les autres financements mobilisés hors contractualisation ou par des partenaires à l'appui de l'objectif (par exemple : financements de la CPAM au titre des actions de prévention médico-sociale)"),
            Row("- Remplir le tableau vert qui récapitule les montants totaux (feuille « Récapitulatif »)"),
            Row($"- Pré-rempli à partir de l'annexe {year - 1} : ses actions et les montants qu'elle prévoyait pour {y} (colonne « Total pour l'objectif »), à répartir entre Département et État"),
            Row(),
            Row($"Annexe 2.1 - Plan d'action {y}"),
            Row("Mesure", "N° de l'objectif", "Objectif", $"Actions à mettre en œuvre {y}", $"Financements {y}", null, null, null, null, null, $"Financements {next}"),
            Row(null, null, null, null, "Source du financement État", "Département", "État", "Total pour l'objectif", "Autres financements (Précisez la source)", "Montant"),
        };
        var merges = new List<string> { "A1:K1", $"A{HeaderRow - 1}:K{HeaderRow - 1}", $"A{HeaderRow}:A{HeaderRow + 1}", $"B{HeaderRow}:B{HeaderRow + 1}", $"C{HeaderRow}:C{HeaderRow + 1}", $"D{HeaderRow}:D{HeaderRow + 1}", $"E{HeaderRow}:J{HeaderRow}", $"K{HeaderRow}:K{HeaderRow + 1}" };
        var first = rows.Count + 1;
        string? engagement = null;
        string? mesure = null;
        int? objectif = null;
        decimal total = 0;
        foreach (var plan in previous.OrderBy(p => p.Order))
        {
            var banner = NationalMesures.Banner(ShortEngagement(plan.Engagement) ?? NationalMesures.EngagementOf(plan.Objectif));
            if (banner != engagement)
            {
                engagement = banner;
                mesure = null;
                objectif = null;
                rows.Add(Row(banner));
                merges.Add($"A{rows.Count}:K{rows.Count}");
            }

            var continuation = plan.Objectif is not null && plan.Objectif == objectif;
            var planMesure = plan.Mesure ?? NationalMesures.Of(plan.Objectif);
            var amount = plan.NextYearFunding;
            total += amount ?? 0;
            rows.Add(Row(
                continuation || planMesure == mesure ? null : planMesure,
                continuation || plan.Objectif is null ? null : new XlsxNumber(plan.Objectif.Value, "0"),
                continuation ? null : ReferenceData.ObjectiveLabel(plan.Objectif) ?? plan.Libelle,
                plan.Actions.GetValueOrDefault(year - 1) ?? plan.Actions.OrderBy(a => a.Key).Select(a => a.Value).LastOrDefault(),
                plan.Modalite,
                null,
                null,
                amount is { } a ? ExportCells.Euros(a) : null,
                null,
                null,
                null));
            mesure = planMesure;
            objectif = plan.Objectif;
        }

        var last = rows.Count;
        var t = last + 1;
        rows.Add(Row("Total", null, null, null, null, Sum("F", first, last, 0), Sum("G", first, last, 0), Sum("H", first, last, total), null, Sum("J", first, last, 0), Sum("K", first, last, 0)));
        var plan1 = new XlsxSheetSpec(PlanSheetName, rows, merges) { Widths = [30, 10, 45, 55, 14, 14, 14, 16, 30, 14, 16] };
        return [plan1, Recap(year, t, total)];
    }

    /// <summary>The "tableau vert": the totals of the plan sheet's total row, as formulas.</summary>
    private static XlsxSheetSpec Recap(int year, int totalRow, decimal total)
    {
        var sheet = $"'{PlanSheetName.Replace("'", "''", StringComparison.Ordinal)}'";
        XlsxFormula Ref(string column, decimal cached) => new($"{sheet}!{column}{totalRow}", (double)cached) { Format = ExportCells.EuroFormat };
        List<IReadOnlyList<object?>> rows =
        [
            Row($"Récapitulatif des montants totaux {year}"),
            Row("Poste", "Montant"),
            Row("Département", Ref("F", 0)),
            Row("État", Ref("G", 0)),
            Row("Total de la contractualisation", Ref("H", total)),
            Row("Autres financements", Ref("J", 0)),
            Row($"Financements {year + 1}", Ref("K", 0)),
        ];
        return new XlsxSheetSpec(RecapSheetName, rows, ["A1:B1"]) { Widths = [40, 18] };
    }

    private static XlsxFormula Sum(string column, int first, int last, decimal cached) =>
        new($"SUM({column}{first}:{column}{last})", (double)cached) { Format = ExportCells.EuroFormat };

    /// <summary>"Engagement 3" of "Engagement 3 : Donner aux enfants…"; null without one.</summary>
    private static string? ShortEngagement(string? engagement) =>
        string.IsNullOrWhiteSpace(engagement) ? null : engagement.Split(" : ", 2)[0].Trim();

    private static List<object?> Row(params object?[] values) => [.. values];
}
