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
    public const string KindName = "synthese-objectifs";

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
    public const string KindName = "annexe-2-1";

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
        var year = Years.OnlyOne(header.TextOf("actions")) ?? Years.OnlyOne(header.FullTextOf(header["total"]));
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

        var nextYear = header.Has("nextYear") ? Years.OnlyOne(header.TextOf("nextYear")) : null;
        if (nextYear is not null && nextYear != year + 1)
        {
            content.Issues.Warning("annee-suivante", $"La colonne « {header.TextOf("nextYear")} » ne porte pas sur l'année qui suit {year}.", input.Sheet.Name, header.CellOf("nextYear"), header.TextOf("nextYear"), (year.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        List<int> years = nextYear is { } n ? [year.Value, n] : [year.Value];
        var reader = new ObjectivePlanRows(KindName, Years.Label(years), input, header, content, new Dictionary<int, int> { [header["actions"]] = year.Value }, nextYear);
        reader.ReadAll("l'annexe 2.1");
        return years;
    }
}

/// <summary>The row loop shared by the two objective plans: banners, continuation rows, amounts, totals.</summary>
internal sealed partial class ObjectivePlanRows(string kind, string period, SheetInput input, HeaderMap header, WorkbookContent content, Dictionary<int, int> actionColumns, int? nextYear)
{
    private readonly string sheet = input.Sheet.Name;
    private readonly List<ObjectivePlan> rows = [];

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
