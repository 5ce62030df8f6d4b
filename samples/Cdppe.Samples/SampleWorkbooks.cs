using System.Globalization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Samples;

/// <summary>
/// Sample workbooks shaped like the users' real files, built from the seed facts: French text amounts mixed with
/// formatted numbers, multi-row merged headers, engagement banners, merged mesure/objectif cells, printed totals.
/// </summary>
public static partial class SampleWorkbooks
{
    public const string EuroFormat = "#,##0 \"€\"";

    public static readonly IReadOnlyDictionary<string, string> EngagementTitles = new Dictionary<string, string>
    {
        ["Engagement 1"] = "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
        ["Engagement 2"] = "Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures",
        ["Engagement 3"] = "Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits",
        ["Engagement 4"] = "Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte",
        ["Conditions pour y parvenir"] = "Conditions pour y parvenir",
    };

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The rapport financier 2022 of seed 003, as printed (its inconsistencies included).</summary>
    public static byte[] RapportFinancier2022(IEnumerable<RapportFinancierRow>? rows = null, string sheetName = "Rapport financier") =>
        XlsxWriter.Write([RapportFinancierSheet(rows ?? SeedData.RapportFinancier2022, sheetName)]);

    public static XlsxSheetSpec RapportFinancierSheet(IEnumerable<RapportFinancierRow> source, string sheetName = "Rapport financier")
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Rapport financier de la contractualisation de prévention et protection de l'enfance"),
            Row("Mesure", "Objectif", "Fiche action N°", "Financements prévus 2020-2022", null, null, null, null, null, "Budget consommé au 31/12/ 2021", "Budget consommé en 2022", "Budget consommé 2020-2022"),
            Row(null, null, null, "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités de financement\nEtat/AM"),
        };
        var merges = new List<string> { "A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:I2", "J2:J3", "K2:K3", "L2:L3" };
        string? engagement = null;
        var mesureStart = 0;
        var objectifStart = 0;
        string? mesure = null;
        string? objectif = null;

        void CloseMerges()
        {
            var last = rows.Count;
            if (mesure is not null && last > mesureStart)
            {
                merges.Add($"A{mesureStart}:A{last}");
            }

            if (objectif is not null && last > objectifStart)
            {
                merges.Add($"B{objectifStart}:B{last}");
            }

            mesure = null;
            objectif = null;
        }

        foreach (var line in source)
        {
            if (line.Engagement != engagement && line.Ligne != "total")
            {
                CloseMerges();
                engagement = line.Engagement;
                rows.Add(Row(EngagementTitles.GetValueOrDefault(engagement, engagement)));
                merges.Add($"A{rows.Count}:L{rows.Count}");
            }

            switch (line.Ligne)
            {
                case "sous-total" or "total":
                    CloseMerges();
                    rows.Add(AmountRow(null, null, line.Ligne == "total" ? "Total" : "Sous-total", line, rows.Count));
                    break;
                default:
                    var newMesure = line.Mesure != mesure;
                    var newObjectif = newMesure || line.Objectif != objectif;
                    if (newObjectif)
                    {
                        var last = rows.Count;
                        if (objectif is not null && last > objectifStart)
                        {
                            merges.Add($"B{objectifStart}:B{last}");
                        }

                        if (newMesure && mesure is not null && last > mesureStart)
                        {
                            merges.Add($"A{mesureStart}:A{last}");
                        }
                    }

                    rows.Add(AmountRow(newMesure ? line.Mesure : null, newObjectif ? line.Objectif : null, line.Fiche, line, rows.Count));
                    if (newMesure)
                    {
                        mesure = line.Mesure;
                        mesureStart = rows.Count;
                    }

                    if (newObjectif)
                    {
                        objectif = line.Objectif;
                        objectifStart = rows.Count;
                    }

                    break;
            }
        }

        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>A suivi-mensuel workbook for 2022 built from the tableau de bord's count indicators; October is missing (lost data).</summary>
    public static byte[] SuiviMensuel2022(int indicators = 8, IReadOnlySet<int>? missingMonths = null)
    {
        missingMonths ??= new HashSet<int> { 10 };
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Suivi mensuel des indicateurs — 2022"),
            Row("Code", "Libellé de l'indicateur", "Période", "Valeur", "Source", "Fiable", "Commentaire"),
        };
        foreach (var (indicator, index) in CountIndicators().Take(indicators).Select((r, i) => (r, i)))
        {
            var code = indicator.Code;
            for (var month = 1; month <= 12; month++)
            {
                if (missingMonths.Contains(month))
                {
                    continue;
                }

                var value = Math.Round(indicator.Annual * month / 12m);
                var unreliable = index % 3 == 0 && month > 6;
                rows.Add(Row(code, indicator.Label, string.Create(CultureInfo.InvariantCulture, $"2022-{month:D2}"), (double)value, indicator.Source, unreliable ? "non" : "oui", unreliable ? "Données arrêtées au 30 juin 2022" : null));
            }
        }

        return XlsxWriter.Write([new XlsxSheetSpec("Suivi mensuel", rows, ["A1:G1"])]);
    }

    /// <summary>Count indicators of the tableau de bord with a numeric 2019 value, the annual volume used for the samples, with their stable codes.</summary>
    public static IEnumerable<(string Code, string Label, decimal Annual, string? Source)> CountIndicators() =>
        SeedData.TableauDeBord
            .Select(r => (Code: IndicatorCodes.Derive(NationalObjectives.Match(r.Objectif), IndicatorCodes.StripNotes(r.Indicateur)), Label: IndicatorCodes.StripNotes(r.Indicateur), Value: CellValueParser.ParseText(r.Diagnostic2019), r.Source))
            .Where(r => r.Value.Status == ValueStatus.Value && !r.Value.IsPercent && r.Value.Number > 0)
            .GroupBy(r => r.Code)
            .Select(g => g.First())
            .Select(r => (r.Code, r.Label, r.Value.Number!.Value, r.Source));

    private static List<object?> Row(params object?[] values) => [.. values];

    private static List<object?> AmountRow(string? mesure, string? objectif, object? fiche, RapportFinancierRow line, int rowNumber)
    {
        var textStyle = rowNumber % 2 == 0;
        return
        [
            mesure, objectif, fiche is int f ? (double)f : fiche,
            Amount(line.BudgetGlobal, textStyle), Amount(line.Departement, textStyle), Amount(line.Fir, textStyle), Amount(line.Etat, textStyle), Amount(line.Ondam, textStyle),
            line.Modalite,
            Amount(line.ConsommeAu31122021, textStyle), Amount(line.ConsommeEn2022, textStyle), Amount(line.Consomme20202022, textStyle),
        ];
    }

    /// <summary>Amounts as users type them: "839 727 €" text (no-break space), "- €" for zero, or a number with a euro format.</summary>
    private static object? Amount(decimal? value, bool asText) => value switch
    {
        null => null,
        0 => asText ? "- €" : new XlsxNumber(0, EuroFormat),
        { } v when asText => v.ToString("N0", French).Replace('\u202F', '\u00A0') + " €",
        { } v => new XlsxNumber((double)v, EuroFormat),
    };
}
