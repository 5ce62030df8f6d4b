using System.Globalization;
using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Samples;

/// <summary>
/// The workbooks of the avenants that followed the 2020-2022 contracts: the State's annexe 2.1 (seed 002, filled by
/// Haut-Rhin) for 2023 and for 2024, in the project's layout and in the seed's own layout, and a rapport financier
/// keyed by objective and action ("Action n°9-1", no fiche number).
/// </summary>
public static partial class SampleWorkbooks
{
    /// <summary>Seed 002: the State's annexe 2.1 plan of a year (2023 with its 2024 funding by default), as another département filled it.</summary>
    public static byte[] Annexe21(AnnexeData? data = null, string sheetName = "Plan d'action") =>
        XlsxWriter.Write([Annexe21Sheet(data ?? SeedData.Annexe21, sheetName)]);

    /// <summary>The project's layout: the State's source in a column of its own, labelled; amounts as text or as numbers; a total row.</summary>
    public static XlsxSheetSpec Annexe21Sheet(AnnexeData data, string sheetName = "Plan d'action")
    {
        var next = data.AnneeSuivante is { } n ? $"Financements {n}" : null;
        var last = next is null ? "J" : "K";
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("INDICATIONS POUR LA COMPLÉTUDE DU PLAN D'ACTIONS"),
            Row("- Ne pas modifier la structure du tableau et le transmettre impérativement au format Excel (et non PDF)"),
            Row("Annexe 1.1 - Plan d'action pour les départements ayant contractualisé pour la première fois en 2020 ou en 2023"),
            Row("Mesure", "N° de l'objectif", "Objectif", $"Actions à mettre en œuvre {data.Annee}", $"Financements {data.Annee}", null, null, null, null, null, next),
            Row(null, null, null, null, "Source du financement État", "Département", "État", "Total pour l'objectif", "Autres financements (Précisez la source)", "Montant"),
        };
        var merges = new List<string> { $"A3:{last}3", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:J4" };
        if (next is not null)
        {
            merges.Add("K4:K5");
        }

        string? engagement = null;
        var index = 0;
        var mesureStart = 0;
        decimal dep = 0, etat = 0, total = 0, following = 0;
        foreach (var line in data.Lignes)
        {
            if (line.Engagement != engagement)
            {
                engagement = line.Engagement;
                rows.Add(Row(engagement));
                merges.Add($"A{rows.Count}:{last}{rows.Count}");
                mesureStart = 0;
            }

            index++;
            var asText = index % 2 == 0;
            var cells = Row(line.Mesure, line.Objectif is { } o ? (double)o : null, line.ObjectifLibelle, line.Actions, line.SourceEtat, Cents(line.Departement, asText), Cents(line.Etat, asText), Cents(line.Total, !asText), line.AutresFinancements, null);
            if (next is not null)
            {
                cells.Add(Cents(line.FinancementAnneeSuivante, asText));
            }

            rows.Add(cells);
            dep += line.Departement ?? 0;
            etat += line.Etat ?? 0;
            total += line.Total ?? 0;
            following += line.FinancementAnneeSuivante ?? 0;
            if (line.Mesure is not null)
            {
                mesureStart = rows.Count;
            }
            else if (mesureStart > 0 && line.Objectif is null)
            {
                merges.RemoveAll(m => m.StartsWith($"A{mesureStart}:", StringComparison.Ordinal));
                merges.Add($"A{mesureStart}:A{rows.Count}");
            }
        }

        var totals = Row("Total", null, null, null, null, data.Lignes.Any(l => l.Departement is not null) ? Cents(dep, false) : null, data.Lignes.Any(l => l.Etat is not null) ? Cents(etat, false) : null, Cents(total, false), null, null);
        if (next is not null)
        {
            totals.Add(Cents(following, false));
        }

        rows.Add(totals);
        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>
    /// Seed 002 in its own layout: the instructions above the table, "Financements 2023" merged over the 2023 columns
    /// and "Financements 2024" beside it, the sub-header "Département | État | Total pour l'objectif | Autres
    /// financements | Montant" starting over the column of the State's source (which has no label of its own), amounts
    /// typed as text ("119 622,00 €", "- €"), continuation rows without a number, no total row.
    /// </summary>
    public static byte[] Annexe21SeedLayout(AnnexeData? data = null) => XlsxWriter.Write([Annexe21SeedLayoutSheet(data ?? SeedData.Annexe21)]);

    public static XlsxSheetSpec Annexe21SeedLayoutSheet(AnnexeData data, string sheetName = "Plan d'action")
    {
        var year = data.Annee.ToString(CultureInfo.InvariantCulture);
        var next = (data.AnneeSuivante ?? (data.Annee + 1)).ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Annexe 2.1 . Plan d'action pour les départements ayant contractualisé pour la première fois en 2020 et 2023"),
            Row(),
            Row("INDICATIONS POUR LA COMPLÉTUDE DU PLAN D'ACTIONS"),
            Row("- Ne pas modifier la structure du tableau et le transmettre impérativement au format Excel (et non PDF)"),
            Row("- Veiller au respect des sources de financement État / Sécurité sociale prévues objectif par objectif"),
            Row("- Lorsque cela est pertinent, indiquer les autres financements mobilisés hors contractualisation ou par des partenaires à l'appui de l'objectif (par exemple : financements de la CPAM au titre des actions de prévention médico-sociale)"),
            Row("- Remplir le tableau vert qui récapitule les montants totaux"),
            Row("- Les données renseignées dans l'onglet plan d'action permettront de compléter le formulaire en ligne : https://ec.europa.eu/eusurvey/runner/Plan_action_contractualisation2024"),
            Row(),
            Row("Annexe 1.1 - Plan d'action pour les départements ayant contractualisé pour la première fois en 2020 ou en 2023"),
            Row("Mesure", "N° de l'objectif", "Objectif", $"Actions à mettre en œuvre {year}", $"Financements {year}", null, null, null, null, $"Financements {next}"),
            Row(null, null, null, null, "Département", "État", "Total pour l'objectif", "Autres financements (Précisez la source)", "Montant", null),
        };
        var merges = new List<string> { "A10:J10", "A11:A12", "B11:B12", "C11:C12", "D11:D12", "E11:I11" };
        string? engagement = null;
        foreach (var line in data.Lignes)
        {
            if (line.Engagement != engagement)
            {
                engagement = line.Engagement;
                rows.Add(Row(engagement));
                merges.Add($"A{rows.Count}:J{rows.Count}");
            }

            rows.Add(Row(line.Mesure, line.Objectif?.ToString(CultureInfo.InvariantCulture), line.ObjectifLibelle, line.Actions, line.SourceEtat, Cents(line.Departement, true), Cents(line.Etat, true), Cents(line.Total, true), line.AutresFinancements, Cents(line.FinancementAnneeSuivante, true)));
        }

        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>
    /// The rapport financier of an annexe 2.1 year, one line per action ("Action n°9-1"): the year's planned amounts of
    /// the annexe (merged over the actions of one objective line that share them), the amount consumed in the year.
    /// </summary>
    public static byte[] RapportFinancierActions2023(RapportActionsData? data = null, AnnexeData? plan = null, string sheetName = "Rapport financier 2023") =>
        XlsxWriter.Write([RapportFinancierActionsSheet(data ?? SeedData.RapportFinancierActions2023, plan ?? SeedData.Annexe21, sheetName)]);

    public static XlsxSheetSpec RapportFinancierActionsSheet(RapportActionsData data, AnnexeData plan, string sheetName = "Rapport financier 2023")
    {
        var year = data.Annee.ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"Rapport financier {year} de l'avenant au contrat de prévention et de protection de l'enfance"),
            Row("Mesure", "N° de l'objectif", "Action", $"Financements prévus {year}", null, null, null, $"Budget consommé en {year}"),
            Row(null, null, null, "Budget global", "Département", "État", "Modalités de financement État"),
        };
        var merges = new List<string> { "A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:G2", "H2:H3" };
        var lines = plan.Lignes.ToList();
        AnnexeLigne? previousPlan = null;
        int? previousObjective = null;
        string? engagement = null;
        var planStart = 0;
        decimal[] engagementSums = new decimal[4], totalSums = new decimal[4];

        void SubTotal()
        {
            rows.Add(Row(null, null, "Sous-total", Euros(engagementSums[0]), Euros(engagementSums[1]), Euros(engagementSums[2]), null, Euros(engagementSums[3])));
            engagementSums = new decimal[4];
        }

        foreach (var item in data.Lignes)
        {
            var objective = lines.FindIndex(l => l.Objectif == item.Objectif);
            var own = lines.Skip(objective).TakeWhile((l, i) => i == 0 || l.Objectif is null).FirstOrDefault(l => ActionCode(l.Actions).Contains(ActionCode(item.Action)[0]))
                ?? throw new InvalidOperationException($"No annexe line holds {item.Action}.");
            if (own.Engagement != engagement)
            {
                if (engagement is not null)
                {
                    SubTotal();
                }

                engagement = own.Engagement;
                rows.Add(Row(engagement));
                merges.Add($"A{rows.Count}:H{rows.Count}");
            }

            var shared = ReferenceEquals(own, previousPlan);
            var mesure = item.Objectif != previousObjective ? lines.Take(objective + 1).Last(l => l.Mesure is not null).Mesure : null;
            var departement = own.Departement ?? 0;
            var etat = own.Etat ?? 0;
            var budget = own.Total ?? departement + etat;
            rows.Add(Row(mesure, item.Objectif != previousObjective ? (double)item.Objectif : null, item.Action, shared ? null : Euros(budget), shared ? null : Euros(departement), shared ? null : Euros(etat), shared ? null : own.SourceEtat, Euros(item.Consomme)));
            if (shared)
            {
                foreach (var column in new[] { "D", "E", "F", "G" })
                {
                    merges.RemoveAll(m => m.StartsWith($"{column}{planStart}:", StringComparison.Ordinal));
                    merges.Add($"{column}{planStart}:{column}{rows.Count}");
                }
            }
            else
            {
                planStart = rows.Count;
                foreach (var sums in new[] { engagementSums, totalSums })
                {
                    sums[0] += budget;
                    sums[1] += departement;
                    sums[2] += etat;
                }
            }

            engagementSums[3] += item.Consomme;
            totalSums[3] += item.Consomme;
            previousPlan = own;
            previousObjective = item.Objectif;
        }

        SubTotal();
        rows.Add(Row(null, null, "Total", Euros(totalSums[0]), Euros(totalSums[1]), Euros(totalSums[2]), null, Euros(totalSums[3])));
        return new XlsxSheetSpec(sheetName, rows, merges);

        static object? Euros(decimal value) => Amount(value, asText: false);
    }

    /// <summary>"9-1" and "9-2" in "Action n°9-1: … Action n°9-2: …"; "14-2" in "Action 14-2 : …".</summary>
    private static List<string> ActionCode(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"Action\s*(?:n°)?\s*(\d+(?:-\d+)?)", System.Text.RegularExpressions.RegexOptions.CultureInvariant).Select(m => m.Groups[1].Value).ToList();
}
