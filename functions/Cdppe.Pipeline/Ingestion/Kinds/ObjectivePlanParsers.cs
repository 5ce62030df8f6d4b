using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The synthesis of the plan d'action by mesure and objectif (seed 000, second table): actions per year
/// ("Actions à mettre en œuvre" over "2020 2021 2022"), partners, Département / État / total for the objective and
/// the State's funding mode, under engagement banners, with a grand total row (checked, not imported).
/// </summary>
public sealed class SyntheseObjectifsParser : ISheetParser
{
    public const string KindName = WorkbookKinds.SyntheseObjectifs;

    private static readonly ColumnSpec[] Specs =
    [
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("actions", t => t.Contains("action", StringComparison.Ordinal) && !t.Contains("fiche", StringComparison.Ordinal), Required: true),
        new("partenaires", t => t.StartsWith("partenaire", StringComparison.Ordinal), Required: true),
        new("modalite", t => t.Contains("modalite", StringComparison.Ordinal)),
        new("total", t => t.Contains("total", StringComparison.Ordinal), Required: true),
        new("departement", t => ObjectivePlanRows.Word(t, "departement")),
        new("etat", t => ObjectivePlanRows.Word(t, "etat")),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<XlsxRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var actionColumns = ObjectivePlanRows.YearColumns(header, "action");
        var years = actionColumns.Values.Distinct().Order().ToList();
        if (years.Count == 0)
        {
            years = header.Titles.SelectMany(Years.Span).Concat(Years.Span(header.FullTextOf(header["total"]))).Distinct().Order().ToList();
        }

        if (years.Count == 0)
        {
            content.Issues.Error(
                "annee-introuvable",
                "Impossible de trouver les années de la synthèse : écrivez les années (« 2020 », « 2021 », « 2022 ») sous « Actions à mettre en œuvre », ou la période dans le titre (« Plan d'action 2020-2022 »).",
                input.Sheet.Name,
                header.CellOf("actions"),
                header.RawTextOf("actions"),
                "des en-têtes d'années sous « Actions à mettre en œuvre »");
            return [];
        }

        if (actionColumns.Count == 0)
        {
            actionColumns[header["actions"]] = years[0];
        }

        var reader = new ObjectivePlanRows(KindName, Years.Label(years), input, header, content, actionColumns, null);
        reader.ReadAll("la synthèse par objectif");
        return years;
    }
}

/// <summary>
/// The State's annexe 2.1 (seed 002): one row per objective (number and wording), the year's actions, funding
/// Département / État / total with the State's source (FIR, 304, ONDAM), other funding, and the next year's funding;
/// engagement banner rows; continuation rows for further actions of the same objective.
/// </summary>
public sealed class Annexe21Parser : ISheetParser
{
    public const string KindName = WorkbookKinds.Annexe21;

    private static readonly ColumnSpec[] Specs =
    [
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
        new("numero", t => t.Contains("objectif", StringComparison.Ordinal) && (t.Contains("n°", StringComparison.Ordinal) || t.Contains("numero", StringComparison.Ordinal) || t.StartsWith("no ", StringComparison.Ordinal)), Required: true),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("actions", t => t.Contains("action", StringComparison.Ordinal), Required: true),
        new("modalite", t => t.Contains("source", StringComparison.Ordinal) && !t.Contains("autre", StringComparison.Ordinal) || t.Contains("modalite", StringComparison.Ordinal)),
        new("total", t => t.Contains("total", StringComparison.Ordinal), Required: true),
        new("departement", t => ObjectivePlanRows.Word(t, "departement")),
        new("etat", t => ObjectivePlanRows.Word(t, "etat")),
        new("autres", t => t.Contains("autre", StringComparison.Ordinal)),
        new("montant", t => t.StartsWith("montant", StringComparison.Ordinal)),
        new("nextYear", t => t.StartsWith("financement", StringComparison.Ordinal) && Years.In(t).Count == 1),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<XlsxRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var year = Years.OnlyOne(header.TextOf("actions")) ?? FundingYears(header).Cast<int?>().FirstOrDefault() ?? Years.OnlyOne(header.FullTextOf(header["total"]));
        if (year is null)
        {
            content.Issues.Error(
                "annee-introuvable",
                "Impossible de trouver l'année de l'annexe 2.1 : l'en-tête des actions doit contenir l'année, par exemple « Actions à mettre en œuvre 2023 » (ou « Financements 2023 » au-dessus des montants).",
                input.Sheet.Name,
                header.CellOf("actions"),
                header.RawTextOf("actions"),
                "« Actions à mettre en œuvre AAAA »");
            return [];
        }

        var (rows, sample) = ObjectivePlanRows.Buffer(input.Rows, header.LastHeaderRow, 200);
        header = AnnexeLayout.Resolve(header, sample, year.Value, input.Sheet.Name, content.Issues);
        var nextYear = header.Has("nextYear") ? FundingYears(header, header["nextYear"]).Cast<int?>().FirstOrDefault() ?? Years.OnlyOne(header.TextOf("nextYear")) : null;
        if (nextYear is not null && nextYear != year + 1)
        {
            content.Issues.Warning("annee-suivante", $"La colonne « {header.RawTextOf("nextYear")} » ne porte pas sur l'année qui suit {year}.", input.Sheet.Name, header.CellOf("nextYear"), header.RawTextOf("nextYear"), (year.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        List<int> years = nextYear is { } next ? [year.Value, next] : [year.Value];
        var reader = new ObjectivePlanRows(KindName, Years.Label(years), input with { Rows = rows }, header, content, new Dictionary<int, int> { [header["actions"]] = year.Value }, nextYear);
        reader.ReadAll("l'annexe 2.1");
        return years;
    }

    /// <summary>The years of the "Financements AAAA" group headers, left to right (of one column when given).</summary>
    internal static IReadOnlyList<int> FundingYears(HeaderMap header, int? column = null) =>
        header.FullTexts.Where(t => column is null || t.Key == column).OrderBy(t => t.Key)
            .Select(t => t.Value.StartsWith("financement", StringComparison.Ordinal) && Years.In(t.Value) is [var y, ..] ? y : 0)
            .Where(y => y > 0)
            .Distinct()
            .ToList();
}

/// <summary>
/// Where the annexe's money is, from the labels and from what the cells hold. The State's template has a column for
/// the State's source (FIR, 304, ONDAM) without a label of its own: its sub-header "Département | État | Total pour
/// l'objectif | Autres financements | Montant" starts over that column, the last label ("Montant") standing under
/// "Financements {next year}". The column whose cells are sources is the source column; labels written over it and
/// after it belong one column to the right. The next year's column is the "Financements" group of the following year,
/// never the year's own group.
/// </summary>
internal static partial class AnnexeLayout
{
    private static readonly string[] Shifted = ["departement", "etat", "total", "autres", "montant"];

    public static HeaderMap Resolve(HeaderMap header, IReadOnlyList<XlsxRow> sample, int year, string sheet, IssueList issues)
    {
        var columns = header.Columns.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var nextColumn = header.FullTexts.Where(t => t.Value.StartsWith("financement", StringComparison.Ordinal) && Years.In(t.Value).Contains(year + 1) && !Years.In(t.Value).Contains(year))
            .Select(t => (int?)t.Key).Min();
        if (columns.TryGetValue("nextYear", out var wrong) && Years.In(header.FullTextOf(wrong)).Contains(year))
        {
            columns.Remove("nextYear");
        }

        if (nextColumn is { } nc)
        {
            columns["nextYear"] = nc;
        }

        var source = header.FullTexts.Keys.Where(c => c > columns["actions"] && c != nextColumn).Order().FirstOrDefault(c => IsSourceColumn(sample, c));
        if (source > 0 && columns.GetValueOrDefault("modalite") != source)
        {
            var labelled = columns.FirstOrDefault(c => c.Value == source && Shifted.Contains(c.Key)).Key;
            if (labelled is not null)
            {
                foreach (var field in Shifted.Where(f => columns.TryGetValue(f, out var c) && c >= source).ToList())
                {
                    var moved = columns[field] + 1;
                    if (moved == columns.GetValueOrDefault("nextYear"))
                    {
                        columns.Remove(field);
                    }
                    else
                    {
                        columns[field] = moved;
                    }
                }

                issues.Add(new ValidationIssue(Severity.Info, "colonne-source-sans-intitule", $"La colonne {CellReference.ColumnName(source)} contient les sources du financement État (FIR, 304, ONDAM…) sans intitulé propre : les intitulés « Département », « État », « Total pour l'objectif »… écrits à partir d'elle ont été lus comme ceux des colonnes suivantes.", sheet, CellReference.Format(source, header.LastHeaderRow)));
            }

            columns["modalite"] = source;
        }

        return header with { Columns = columns };
    }

    /// <summary>Every value of the column is a funding source ("FIR", "304", "BOP 304", "ONDAM", "PLF", "ONDAM / État"), and there is one.</summary>
    private static bool IsSourceColumn(IReadOnlyList<XlsxRow> sample, int column)
    {
        var values = sample.Select(r => r.Get(column)).Where(c => !c.IsEmpty && !c.FromMerge).ToList();
        return values.Count > 0 && values.All(c => c.Kind == XlsxCellKind.Number ? c.Number == 304 : SourcePattern().IsMatch(TextNormalizer.Normalize(c.Text)));
    }

    [GeneratedRegex(@"^(?:(?:fir|ondam|plf|etat|bop|304|am|cd|cnsa|assurance maladie|sans objet)\s*(?:[/,+&-]|et)?\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}

/// <summary>The row loop shared by the two objective plans: banners, continuation rows, amounts, totals.</summary>
internal sealed partial class ObjectivePlanRows(string kind, string period, SheetInput input, HeaderMap header, WorkbookContent content, Dictionary<int, int> actionColumns, int? nextYear)
{
    private readonly string sheet = input.Sheet.Name;
    private readonly List<ObjectivePlan> rows = [];

    /// <summary>
    /// The rows again, with the first <paramref name="count"/> data rows after the header also returned as a sample
    /// (to see what the columns hold before reading them); the rest stays streamed.
    /// </summary>
    public static (IEnumerable<XlsxRow> Rows, IReadOnlyList<XlsxRow> Sample) Buffer(IEnumerable<XlsxRow> rows, int lastHeaderRow, int count)
    {
        var enumerator = rows.GetEnumerator();
        var buffered = new List<XlsxRow>();
        var sample = new List<XlsxRow>();
        while (sample.Count < count && enumerator.MoveNext())
        {
            buffered.Add(enumerator.Current);
            if (enumerator.Current.Index > lastHeaderRow && !enumerator.Current.IsBlank)
            {
                sample.Add(enumerator.Current);
            }
        }

        return (buffered.Concat(Rest(enumerator)), sample);

        static IEnumerable<XlsxRow> Rest(IEnumerator<XlsxRow> rest)
        {
            using (rest)
            {
                while (rest.MoveNext())
                {
                    yield return rest.Current;
                }
            }
        }
    }

    public static bool Word(string text, string word) => Regex.IsMatch(text, $@"(^|[^a-z]){word}([^a-z]|$)", RegexOptions.CultureInvariant);

    /// <summary>Columns whose header names <paramref name="group"/> and one year: "actions a mettre en oeuvre 2021".</summary>
    public static Dictionary<int, int> YearColumns(HeaderMap header, string group)
    {
        var result = new Dictionary<int, int>();
        foreach (var (column, full) in header.FullTexts)
        {
            if (full.Contains(group, StringComparison.Ordinal) && Years.OnlyOne(header.BottomTexts.GetValueOrDefault(column)) is { } year)
            {
                result[column] = year;
            }
        }

        return result;
    }

    public void ReadAll(string what)
    {
        var issues = content.Issues;
        var firstAmount = new[] { "departement", "etat", "total" }.Where(header.Has).Select(f => header[f]).Min();
        string? engagement = null;
        string? mesure = null;
        ObjectivePlan? previous = null;
        var printedTotal = false;
        var errorsBefore = issues.ErrorCount;
        var totalsSkipped = false;
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (Cells.IsEngagementBanner(row, out var banner))
            {
                engagement = banner;
                mesure = null;
                previous = null;
                continue;
            }

            if (Cells.IsTotalRow(row, firstAmount, out _) || IsUnlabelledTotal(row))
            {
                if (!issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
                {
                    CheckTotal(row, what);
                }

                printedTotal = true;
                continue;
            }

            var numberText = Cells.OwnText(row, header, "numero");
            var objectifText = Cells.OwnText(row, header, "objectif");
            var ownMesure = Cells.OwnText(row, header, "mesure");
            mesure = ownMesure ?? (Cells.Text(row, header, "mesure") is { } merged ? merged : mesure);
            var continuation = numberText is null && objectifText is null && previous is not null;
            int? objectif;
            string? libelle;
            if (continuation)
            {
                objectif = previous!.Objectif;
                libelle = previous.Libelle;
            }
            else
            {
                libelle = objectifText ?? Cells.Text(row, header, "objectif");
                objectif = NationalObjectives.Match(numberText) ?? NationalObjectives.Match(libelle);
                if (numberText is not null && NationalObjectives.Match(numberText) is null)
                {
                    issues.Error("objectif-invalide", "Le numéro d'objectif doit être un entier de 1 à 26.", sheet, CellReference.Format(header["numero"], row.Index), numberText, "un numéro d'objectif national de 1 à 26");
                    continue;
                }

                if (numberText is not null && libelle is not null && NationalObjectives.Match(libelle) is { } byWording && byWording != objectif)
                {
                    issues.Warning("objectif-incoherent", $"Le numéro d'objectif {objectif} ne correspond pas à son libellé, qui est celui de l'objectif {byWording}.", sheet, CellReference.Format(header["numero"], row.Index), numberText, byWording.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                if (objectif is null && libelle is not null && !NationalObjectives.IsWithoutObjective(libelle))
                {
                    issues.Warning("objectif-inconnu", "L'objectif n'a pas été reconnu dans la liste nationale (1 à 26).", sheet, CellReference.Format(header.Columns.GetValueOrDefault("objectif", header.Columns.GetValueOrDefault("numero", 1)), row.Index), libelle, "« Objectif N : … », son numéro ou son libellé national");
                }
            }

            var actions = new Dictionary<int, string>();
            foreach (var (column, year) in actionColumns)
            {
                if (row.Get(column) is { IsEmpty: false, FromMerge: false } cell)
                {
                    actions[year] = cell.Display.Trim();
                }
            }

            var ok = true;
            decimal? Amount(string field, string label)
            {
                if (!header.Has(field))
                {
                    return null;
                }

                if (Amounts.TryRead(row.Get(header[field]), $"{label} de l'objectif {objectif?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? libelle}", sheet, issues, out var amount, blank: null))
                {
                    return amount;
                }

                ok = false;
                return null;
            }

            var departement = Amount("departement", "Département");
            var etat = Amount("etat", "État");
            var total = Amount("total", "total");
            var montant = Amount("montant", "des autres financements");
            var next = Amount("nextYear", $"financement {nextYear}");
            if (!ok)
            {
                continue;
            }

            if (libelle is null && actions.Count == 0 && departement is null && etat is null && total is null)
            {
                continue;
            }

            var sum = (departement ?? 0m) + (etat ?? 0m);
            if (total is { } t && (departement is not null || etat is not null) && t != sum)
            {
                issues.Warning("financeurs-total", $"Objectif {objectif?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? libelle} : Département + État ({FrenchFormat.Euros(sum)}) ne font pas le total pour l'objectif.", sheet, CellReference.Format(header["total"], row.Index), FrenchFormat.Euros(t), FrenchFormat.Euros(sum));
            }

            var autres = Cells.OwnText(row, header, "autres");
            var plan = new ObjectivePlan
            {
                Kind = kind,
                Period = period,
                Order = rows.Count + 1,
                Engagement = engagement,
                Mesure = mesure,
                Objectif = objectif,
                Libelle = libelle,
                Actions = actions,
                Fiches = actions.Values.SelectMany(Cells.FichesIn).Distinct().Order().ToList(),
                Partenaires = Cells.OwnText(row, header, "partenaires"),
                Departement = departement,
                Etat = etat,
                Total = total,
                Modalite = Cells.Text(row, header, "modalite"),
                AutresFinancements = autres,
                AutresMontant = montant ?? (autres is null ? null : Amounts.FirstIn(autres)),
                NextYear = nextYear,
                NextYearFunding = next,
                SourceCell = CellReference.Format(header.Columns.GetValueOrDefault("numero", header.Columns.GetValueOrDefault("objectif", header["actions"])), row.Index),
            };
            rows.Add(content.From(plan, sheet));
            previous = plan;
        }

        if (rows.Count == 0)
        {
            issues.Error("tableau-vide", $"Aucune ligne d'objectif n'a été trouvée dans {what} sous son en-tête.", sheet, CellReference.Format(header["actions"], header.LastHeaderRow + 1));
        }
        else if (!printedTotal)
        {
            issues.Add(new ValidationIssue(Severity.Info, "total-absent", $"Le tableau n'a pas de ligne « Total » : le total de {what} n'a pas été contrôlé.", sheet));
        }

        content.ObjectivePlans.AddRange(rows);
    }

    private bool IsUnlabelledTotal(XlsxRow row)
    {
        var amounts = new[] { "departement", "etat", "total" }.Where(header.Has).Select(f => header[f]).ToList();
        var own = row.NonEmpty.Where(c => !c.FromMerge).ToList();
        return own.Count > 0 && own.All(c => amounts.Contains(c.Column) || c.Column == header.Columns.GetValueOrDefault("modalite", -1));
    }

    private void CheckTotal(XlsxRow row, string what)
    {
        (string Field, string Label, Func<ObjectivePlan, decimal?> Value)[] columns =
        [
            ("departement", "Département", p => p.Departement),
            ("etat", "État", p => p.Etat),
            ("total", "total", p => p.Total),
            ("nextYear", $"financement {nextYear}", p => p.NextYearFunding),
        ];
        foreach (var (field, label, value) in columns)
        {
            if (!header.Has(field))
            {
                continue;
            }

            var cell = row.Get(header[field]);
            if (CellValueParser.Parse(cell) is not { Status: ValueStatus.Value, Number: { } printed })
            {
                continue;
            }

            var sum = rows.Sum(r => value(r) ?? 0m);
            if (sum != printed)
            {
                content.Issues.Warning("total-incoherent", $"Colonne {label} : le total imprimé de {what} ne correspond pas à la somme des objectifs (écart de {FrenchFormat.Euros(printed - sum)}).", sheet, cell.Reference, FrenchFormat.Euros(printed), FrenchFormat.Euros(sum));
            }
        }
    }
}
