using System.Globalization;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Samples;

/// <summary>
/// The other workbook kinds, built from the seed facts with the messiness of the originals: title rows, multi-row
/// merged headers, engagement banners, merged cells over continuation rows, amounts typed as text ("839 727 €",
/// "- €") or stored as formatted numbers, percentages as "2,90%" text or as 0% numbers, printed totals.
/// </summary>
public static partial class SampleWorkbooks
{
    public const string PercentFormat = "0%";

    public const string EuroCentsFormat = "#,##0.00 \"€\"";

    private static readonly string[] Years3 = ["2020", "2021", "2022"];

    /// <summary>Seed 000, first table: 40 fiches, one row per indicator, targets and planned money per year and funder.</summary>
    public static byte[] PlanAction(IEnumerable<PlanActionFiche>? fiches = null, string sheetName = "Plan d'action") =>
        XlsxWriter.Write([PlanActionSheet(fiches ?? SeedData.PlanAction, sheetName)]);

    public static XlsxSheetSpec PlanActionSheet(IEnumerable<PlanActionFiche> fiches, string sheetName = "Plan d'action", bool groupRow = true)
    {
        // A..H descriptive, I..K targets, L total, M..P masse, Q..T DGAS, U..X total CD, Y source, Z..AC FIR, AD..AG ETAT, AH..AK ONDAM.
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Plan d'action et de financement 2020-2022 de la contractualisation de prévention et de protection de l'enfance"),
        };
        var merges = new List<string> { "A1:AK1" };
        string[] funders = ["FIR", "ETAT", "ONDAM"];
        if (groupRow)
        {
            var group = new object?[37];
            group[0] = "numéro fiche action";
            group[1] = "Intitulés fiches actions";
            group[2] = "thème";
            group[3] = "Intitulés objectifs";
            group[4] = "Obj. fondamental/ facultatif";
            group[5] = "Indicateur";
            group[6] = "Indicateurs Etat";
            group[7] = "Indicateurs additionnels";
            group[8] = "Cibles";
            group[11] = "Moyens financiers prévisionnels (2020, 2021, 2022)";
            group[12] = "Masse salariale";
            group[16] = "Budget DGAS";
            group[20] = "Total CD";
            group[24] = "Source de co-financement";
            group[25] = "FIR";
            group[29] = "ETAT";
            group[33] = "ONDAM";
            rows.Add([.. group]);
            merges.AddRange(["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:K2", "L2:L3", "M2:P2", "Q2:T2", "U2:X2", "Y2:Y3", "Z2:AC2", "AD2:AG2", "AH2:AK2"]);
            rows.Add(
            [
                null, null, null, null, null, null, null, null,
                2020.0, 2021.0, 2022.0, null,
                "2020", "2021", "2022", "Total masse salariale (2020, 2021, 2022)",
                "2020", "2021", "2022", "Total budget DGAS (2020, 2021, 2022)",
                "Total CD 2020", "Total CD 2021", "Total CD 2022", "Total CD",
                null,
                "2020", "2021", "2022", "Montant FIR", "2020", "2021", "2022", "Montant ETAT", "2020", "2021", "2022", "Montant ONDAM",
            ]);
        }
        else
        {
            // The seed's own layout: no group row, years followed by the total of their group.
            rows.Add(
            [
                "numéro fiche action", "Intitulés fiches actions", "thème", "Intitulés objectifs", "Obj. fondamental/ facultatif", "Indicateur", "Indicateurs Etat", "Indicateurs additionnels",
                "2020", "2021", "2022", "Moyens financiers prévisionnels (2020, 2021, 2022)",
                "2020", "2021", "2022", "Total masse salariale (2020, 2021, 2022)",
                "2020", "2021", "2022", "Total budget DGAS (2020, 2021, 2022)",
                "Total CD 2020", "Total CD 2021", "Total CD 2022", "Total CD",
                "Source de co-financement",
                "2020", "2021", "2022", "Montant FIR", "2020", "2021", "2022", "Montant ETAT", "2020", "2021", "2022", "Montant ONDAM",
            ]);
        }

        var sums = new decimal[37];
        var printedSum = new bool[37];
        foreach (var fiche in fiches)
        {
            var f = fiche.Financement;
            var money = new decimal?[37];
            money[11] = f.Total;
            for (var i = 0; i < 3; i++)
            {
                money[12 + i] = f.MasseSalariale.GetValueOrDefault(Years3[i]);
                money[16 + i] = f.BudgetDgas.GetValueOrDefault(Years3[i]);
                money[20 + i] = f.TotalCd.GetValueOrDefault(Years3[i]);
            }

            money[15] = f.MasseSalariale.GetValueOrDefault("total");
            money[19] = f.BudgetDgas.GetValueOrDefault("total");
            money[23] = f.TotalCd.GetValueOrDefault("total");
            foreach (var (source, amounts) in f.Cofinancements())
            {
                // A co-financing without a source (fiche 40) is State money in the seed's grand total.
                var index = Array.IndexOf(funders, (source ?? "ETAT").Split(',', '/')[0].Trim().ToUpperInvariant());
                var start = 25 + (4 * (index < 0 ? 1 : index));
                for (var i = 0; i < 3; i++)
                {
                    money[start + i] = amounts.GetValueOrDefault(Years3[i]);
                }

                money[start + 3] = amounts.GetValueOrDefault("total");
            }

            var objectif = fiche.Objectif is { } o ? $"Objectif {o} : {NationalObjectives.Get(o)!.Libelle}" : "Sans objectif";
            var indicators = fiche.Indicateurs.Count > 0 ? fiche.Indicateurs : [new PlanActionIndicator(null, false, null, [])];
            var first = rows.Count + 1;
            var mergeBlock = fiche.Numero % 2 == 0 && indicators.Count > 1;
            for (var k = 0; k < indicators.Count; k++)
            {
                var indicator = indicators[k];
                var row = new object?[37];
                var isFirst = k == 0;
                if (isFirst)
                {
                    row[0] = fiche.Numero % 7 == 3 ? fiche.Numero.ToString(CultureInfo.InvariantCulture) : (double)fiche.Numero;
                    row[1] = fiche.Intitule;
                }

                if (isFirst || !mergeBlock)
                {
                    row[2] = fiche.Theme;
                    row[3] = objectif;
                    row[4] = fiche.Nature == "fondamental" ? "Fondamental" : "Facultatif";
                }

                row[5] = indicator.Libelle;
                row[6] = indicator.FondamentalMarque ? "x" : null;
                row[7] = indicator.Additionnel;
                for (var i = 0; i < 3; i++)
                {
                    row[8 + i] = Target(indicator.Cibles.GetValueOrDefault(Years3[i]), (fiche.Numero + i) % 2 == 0);
                }

                if (isFirst)
                {
                    var asText = fiche.Numero % 2 == 1;
                    for (var c = 11; c < 37; c++)
                    {
                        if (c == 24)
                        {
                            row[c] = f.CofinancementSource;
                            continue;
                        }

                        row[c] = Amount(money[c], asText && c % 3 != 0);
                        if (money[c] is { } v)
                        {
                            sums[c] += v;
                            printedSum[c] = true;
                        }
                    }
                }

                rows.Add([.. row]);
            }

            var last = rows.Count;
            if (mergeBlock)
            {
                foreach (var column in new[] { "A", "B", "C", "D", "E", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y" })
                {
                    merges.Add($"{column}{first}:{column}{last}");
                }
            }
        }

        var total = new object?[37];
        total[1] = "Total";
        for (var c = 11; c < 37; c++)
        {
            total[c] = c == 24 || !printedSum[c] ? null : Amount(sums[c], c % 2 == 0);
        }

        rows.Add([.. total]);
        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>Seed 004: the tableau de bord with its 2019 diagnostic values, targets and (empty) achieved values; the header repeats mid-sheet as on a printed page.</summary>
    public static byte[] TableauDeBord(IEnumerable<TableauDeBordRow>? source = null, string sheetName = "Tableau de bord", bool repeatHeader = true) =>
        XlsxWriter.Write([TableauDeBordSheet(source ?? SeedData.TableauDeBord, sheetName, repeatHeader)]);

    public static XlsxSheetSpec TableauDeBordSheet(IEnumerable<TableauDeBordRow> source, string sheetName = "Tableau de bord", bool repeatHeader = true)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var merges = new List<string>();

        void Header()
        {
            rows.Add(Row("Tableau de bord SNPPE"));
            rows.Add(Row(new XlsxNumber(44_113, "dd/mm/yyyy")));
            var top = rows.Count + 1;
            rows.Add(Row("Mesure", "Objectif", "Indicateur", "Niveau des indicateurs en 2019 (diagnostic)", "Niveau cible de l'objectif", null, null, "Niveau d'atteinte de l'objectif", null, null, "Date de la donnée diagnostic", "SOURCES"));
            rows.Add(Row(null, null, null, null, 2020.0, 2021.0, 2022.0, 2020.0, 2021.0, 2022.0));
            merges.AddRange([$"A{top}:A{top + 1}", $"B{top}:B{top + 1}", $"C{top}:C{top + 1}", $"D{top}:D{top + 1}", $"E{top}:G{top}", $"H{top}:J{top}", $"K{top}:K{top + 1}", $"L{top}:L{top + 1}"]);
        }

        Header();
        string? engagement = null;
        string? mesure = null;
        string? objectif = null;
        int mesureStart = 0, objectifStart = 0;
        var index = 0;

        void Close()
        {
            if (mesure is not null && rows.Count > mesureStart)
            {
                merges.Add($"A{mesureStart}:A{rows.Count}");
            }

            if (objectif is not null && rows.Count > objectifStart)
            {
                merges.Add($"B{objectifStart}:B{rows.Count}");
            }
        }

        foreach (var line in source)
        {
            if (line.Engagement != engagement)
            {
                Close();
                engagement = line.Engagement;
                mesure = null;
                objectif = null;
                if (repeatHeader && engagement == "Engagement 2")
                {
                    Header();
                }

                rows.Add(Row(EngagementTitles.GetValueOrDefault(engagement, engagement)));
                merges.Add($"A{rows.Count}:L{rows.Count}");
            }

            var newMesure = line.Mesure != mesure;
            var newObjectif = newMesure || line.Objectif != objectif;
            if (newObjectif)
            {
                if (objectif is not null && rows.Count > objectifStart)
                {
                    merges.Add($"B{objectifStart}:B{rows.Count}");
                }

                if (newMesure && mesure is not null && rows.Count > mesureStart)
                {
                    merges.Add($"A{mesureStart}:A{rows.Count}");
                }
            }

            index++;
            var asNumber = index % 2 == 0;
            rows.Add(Row(
                newMesure ? line.Mesure : null,
                newObjectif ? line.Objectif : null,
                line.Indicateur,
                Figure(line.Diagnostic2019, asNumber),
                Figure(line.Cibles?.GetValueOrDefault("2020"), asNumber),
                Figure(line.Cibles?.GetValueOrDefault("2021"), asNumber),
                Figure(line.Cibles?.GetValueOrDefault("2022"), asNumber),
                Figure(line.Atteint?.GetValueOrDefault("2020"), asNumber),
                Figure(line.Atteint?.GetValueOrDefault("2021"), asNumber),
                Figure(line.Atteint?.GetValueOrDefault("2022"), asNumber),
                line.DateDonnee,
                line.Source));
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
        }

        Close();
        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>Seed 003's 41 fiche sections, one row per fiche, with the published texts (and their inconsistencies).</summary>
    public static byte[] BilansFiches2022(IEnumerable<FicheBilanRow>? fiches = null, string sheetName = "Bilans des fiches") =>
        XlsxWriter.Write([BilansFichesSheet(fiches ?? SeedData.Fiches2022, sheetName)]);

    public static XlsxSheetSpec BilansFichesSheet(IEnumerable<FicheBilanRow> fiches, string sheetName = "Bilans des fiches")
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Rapport d'exécution 2022 — bilan des fiches actions"),
            Row("Objectifs facultatifs retenus par le Département : " + string.Join(", ", SeedData.ObjectifsRetenus.SkipLast(1)) + " et " + SeedData.ObjectifsRetenus[^1]),
            Row("N° fiche", "Intitulé de la fiche action", "Objectif", "Référent (personne ou institution)", "Constat du diagnostic", "Objectif opérationnel", "Description de l'action", "Identification des acteurs à mobiliser", "Moyens financiers prévisionnels", "Bilan financier au 31/12/2022", "Bilan qualitatif au 31/12/2022", "A poursuivre en 2023", "Documents de référence"),
        };
        foreach (var f in fiches)
        {
            var objectif = f.Numero switch
            {
                17 => $"Objectif 9 : {NationalObjectives.Get(9)!.Libelle}\nObjectif 16 : {NationalObjectives.Get(16)!.Libelle}",
                18 => $"Objectif 9 : {NationalObjectives.Get(9)!.Libelle} Objectif 26 : {NationalObjectives.Get(26)!.Libelle}",
                _ => f.Objectif is { } o ? $"Objectif {o} : {NationalObjectives.Get(o)!.Libelle}" : "Sans objectif",
            };
            // As the published fiche: "Total : 839 727 €" then the free text (fiche 39 has no total, only its text).
            var total = f.MoyensTotalEur is { } v ? "Total : " + v.ToString("N0", French).Replace('\u202F', '\u00A0') + " €" : null;
            var moyens = string.Join("\n", new[] { total, SeedData.Moyens2022.GetValueOrDefault(f.Numero) }.Where(t => !string.IsNullOrEmpty(t)));
            rows.Add(Row((double)f.Numero, f.Intitule, objectif, f.Referent, f.Constat, f.ObjectifOperationnel, f.Description, f.Acteurs, moyens.Length == 0 ? null : moyens, f.BilanFinancier, f.BilanQualitatif, f.APoursuivre, f.DocumentsReference));
        }

        return new XlsxSheetSpec(sheetName, rows, ["A1:M1"]);
    }

    /// <summary>Seed 000, second table: the synthesis by mesure and objectif, with its unlabelled grand total row.</summary>
    public static byte[] SyntheseObjectifs(SyntheseData? data = null, string sheetName = "Synthèse par objectif") =>
        XlsxWriter.Write([SyntheseObjectifsSheet(data ?? SeedData.Synthese, sheetName)]);

    public static XlsxSheetSpec SyntheseObjectifsSheet(SyntheseData data, string sheetName = "Synthèse par objectif")
    {
        var titles = SeedData.PlanAction.ToDictionary(f => f.Numero, f => f.Intitule);
        var rows = new List<IReadOnlyList<object?>>
        {
            Row($"Synthèse du plan d'action par mesure et par objectif {data.Periode}"),
            Row("Mesure", "Objectif", "Actions à mettre en œuvre", null, null, "Partenaires", "Financements prévus (le cas échéant)"),
            Row(null, null, 2020.0, 2021.0, 2022.0, null, "Département", "Etat", "Total pour l'objectif", "Modalités de financement Etat"),
        };
        var merges = new List<string> { "A1:J1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:J2" };
        string? engagement = null;
        var mesureStart = 0;
        var index = 0;
        foreach (var o in data.Objectifs)
        {
            if (o.Engagement != engagement)
            {
                engagement = o.Engagement;
                rows.Add(Row(EngagementTitles.GetValueOrDefault(engagement, engagement)));
                merges.Add($"A{rows.Count}:J{rows.Count}");
                mesureStart = 0;
            }

            var fiches = string.Join("\n", o.Fiches.Select(n => $"Fiche action {n} : {titles.GetValueOrDefault(n, SeedData.Fiches2022.First(f => f.Numero == n).Intitule)}"));
            var objectif = o.Objectif is { } num ? $"Objectif {num} : {o.ObjectifLibelle}" : "Sans objectif";
            index++;
            var asText = index % 2 == 1;
            rows.Add(Row(o.Mesure, objectif, fiches.Length == 0 ? null : fiches, fiches.Length == 0 ? null : fiches, o.Actions2022 ?? (fiches.Length == 0 ? null : fiches), o.Partenaires, Amount(o.Departement, asText), Amount(o.Etat, asText), Amount(o.Total, !asText), o.Modalite));
            if (o.Mesure is not null)
            {
                mesureStart = rows.Count;
            }
            else if (mesureStart > 0)
            {
                merges.RemoveAll(m => m.StartsWith($"A{mesureStart}:", StringComparison.Ordinal));
                merges.Add($"A{mesureStart}:A{rows.Count}");
            }
        }

        rows.Add(Row(null, null, null, null, null, null, Amount(data.Total.Departement, true), Amount(data.Total.Etat, true), Amount(data.Total.Total, true)));
        return new XlsxSheetSpec(sheetName, rows, merges);
    }

    /// <summary>One workbook holding the plan d'action, its synthesis and the tableau de bord (several kinds in one file).</summary>
    public static byte[] PlanComplet() => XlsxWriter.Write(
    [
        PlanActionSheet(SeedData.PlanAction, "Fiches actions", groupRow: false),
        SyntheseObjectifsSheet(SeedData.Synthese, "Synthèse"),
        TableauDeBordSheet(SeedData.TableauDeBord, "Tableau de bord", repeatHeader: false),
        new XlsxSheetSpec("Notes", [Row("Document de travail — ne pas diffuser"), Row("Version du 09/10/2020")]),
    ]);

    /// <summary>The same sheet with some cells replaced ("L78" → value; null empties the cell), to build faulty variants.</summary>
    public static XlsxSheetSpec WithCells(XlsxSheetSpec spec, params (string Cell, object? Value)[] cells)
    {
        var rows = spec.Rows.Select(r => r.ToList()).ToList();
        foreach (var (reference, value) in cells)
        {
            if (!CellReference.TryParse(reference, out var column, out var row))
            {
                throw new ArgumentException($"Bad cell reference {reference}.", nameof(cells));
            }

            while (rows.Count < row)
            {
                rows.Add([]);
            }

            var target = rows[row - 1];
            while (target.Count < column)
            {
                target.Add(null);
            }

            target[column - 1] = value;
        }

        return spec with { Rows = rows.Select(r => (IReadOnlyList<object?>)r).ToList() };
    }

    /// <summary>Row index (1-based) of the last row of a sheet.</summary>
    public static int LastRow(XlsxSheetSpec spec) => spec.Rows.Count();

    /// <summary>A target or indicator value as users type it: "4%" text, or the number with a % format; text milestones as they are.</summary>
    private static object? Figure(string? text, bool asNumber)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = CellValueParser.ParseText(text);
        if (!asNumber || parsed.Status != ValueStatus.Value)
        {
            return text;
        }

        return parsed.IsPercent
            ? new XlsxNumber((double)parsed.Number!.Value, text.Contains(',', StringComparison.Ordinal) ? "0.0%" : PercentFormat)
            : new XlsxNumber((double)parsed.Number!.Value, "#,##0");
    }

    private static object? Target(string? text, bool asNumber) => Figure(text, asNumber);

    private static object? Cents(decimal? value, bool asText) => value switch
    {
        null => null,
        0 => asText ? "- €" : new XlsxNumber(0, EuroCentsFormat),
        { } v when asText => v.ToString("N2", French).Replace('\u202F', '\u00A0') + " €",
        { } v => new XlsxNumber((double)v, EuroCentsFormat),
    };
}
