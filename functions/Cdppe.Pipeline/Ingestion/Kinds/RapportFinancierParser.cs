using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The rapport financier table of the rapport d'exécution (seed 003): engagement banners, one line per fiche
/// (mesure and objectif merged or left blank on continuation lines), objective lines without a fiche,
/// sub-totals per engagement and a grand total. Totals are read and checked, never imported as data. The years of
/// an annexe 2.1 have no fiches: their lines are keyed by objective number and action ("Action n°9-1"), and an
/// amount merged over the actions of one objective is planned once for them all.
/// </summary>
public sealed partial class RapportFinancierParser : ISheetParser
{
    public const string KindName = WorkbookKinds.RapportFinancier;

    private static readonly ColumnSpec[] Specs =
    [
        new("consumedBefore", t => t.Contains("consomme", StringComparison.Ordinal) && (t.Contains("au 31/12", StringComparison.Ordinal) || t.Contains(" au ", StringComparison.Ordinal))),
        new("consumedInYear", t => t.Contains("consomme en", StringComparison.Ordinal), Required: true),
        new("consumedCumulative", t => t.Contains("consomme", StringComparison.Ordinal) && YearRange().IsMatch(t)),
        new("modalite", t => t.Contains("modalite", StringComparison.Ordinal)),
        new("budgetGlobal", t => t.Contains("budget global", StringComparison.Ordinal), Required: true),
        new("ondam", t => Word(t, "ondam")),
        new("fir", t => Word(t, "fir")),
        new("etat", t => Word(t, "etat")),
        new("departement", t => Word(t, "departement") || Word(t, "cd")),
        new("fiche", t => t.Contains("fiche", StringComparison.Ordinal)),
        new("action", t => t.Contains("action", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal) || t.Contains("objectif", StringComparison.Ordinal) && (t.Contains("n°", StringComparison.Ordinal) || t.Contains("numero", StringComparison.Ordinal))),
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
    ];

    private static readonly (string Field, string Label)[] AmountFields =
    [
        ("budgetGlobal", "budget global"),
        ("departement", "Département"),
        ("fir", "FIR"),
        ("etat", "État"),
        ("ondam", "ONDAM"),
        ("consumedBefore", "consommé au 31/12 de l'année précédente"),
        ("consumedInYear", "consommé dans l'année"),
        ("consumedCumulative", "consommé cumulé"),
    ];

    public string Kind => KindName;

    /// <summary>A rapport financier names its lines by fiche action or by action.</summary>
    public HeaderMap? Detect(IReadOnlyList<XlsxRow> head) => HeaderLocator.Locate(head, Specs) is { } map && (map.Has("fiche") || map.Has("action")) ? map : null;

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
        var year = FindYear(header, input, issues);
        if (year is null)
        {
            return [];
        }

        var errorsBefore = issues.ErrorCount;
        var totalsSkipped = false;
        var engagement = "Sans engagement";
        string? mesure = null;
        string? objectif = null;
        var engagementLines = new List<(BudgetLine Line, XlsxRow Row)>();
        var allLines = new List<BudgetLine>();
        var order = 0;
        var sawTotal = false;
        var shared = new List<(BudgetLine Line, XlsxRow Row)>();
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            var label = RowLabel(row, header);
            if (label is "sous-total" or "sous total")
            {
                if (!issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
                {
                    CheckTotals(engagementLines.Select(l => l.Line), row, header, sheet, $"le sous-total de « {engagement} »", issues);
                }

                engagementLines.Clear();
                continue;
            }

            if (label == "total" || label == "total general")
            {
                if (!issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
                {
                    CheckTotals(allLines, row, header, sheet, "le total général", issues);
                }

                sawTotal = true;
                continue;
            }

            if (IsBanner(row, header, out var banner))
            {
                engagement = banner;
                mesure = null;
                objectif = null;
                continue;
            }

            var keyColumn = header.Columns.GetValueOrDefault("fiche", header.Columns.GetValueOrDefault("action"));
            var ficheCell = row.Get(header.Columns.GetValueOrDefault("fiche", -1));
            var ficheValue = CellValueParser.Parse(ficheCell);
            var action = header.Has("action") && row.Get(header["action"]) is { IsEmpty: false, FromMerge: false } actionCell ? actionCell.Display.Trim() : null;
            var rowMesure = Text(row, header, "mesure");
            var rowObjectif = Text(row, header, "objectif");
            if (rowMesure is not null && !row.Get(header.Columns.GetValueOrDefault("mesure")).FromMerge)
            {
                mesure = rowMesure;
                objectif = null;
            }

            objectif = rowObjectif ?? objectif;
            int? fiche = null;
            if (ficheValue.Status == ValueStatus.Value)
            {
                if (ficheValue.Number is not { } n || n != decimal.Truncate(n) || n < 1 || n > 999)
                {
                    issues.Error("fiche-invalide", "Le numéro de fiche action doit être un entier positif.", sheet, ficheCell.Reference, ficheCell.Display, "un entier de 1 à 999");
                    continue;
                }

                fiche = (int)n;
            }
            else if (ficheValue.Status is ValueStatus.Text or ValueStatus.Error)
            {
                issues.Error("fiche-invalide", "Le numéro de fiche action est illisible.", sheet, ficheCell.Reference, ficheCell.Display, "un entier de 1 à 999");
                continue;
            }

            var amounts = new Dictionary<string, decimal>();
            var rowOk = true;
            var plannedWithPrevious = false;
            foreach (var (field, fieldLabel) in AmountFields)
            {
                if (!header.Has(field))
                {
                    continue;
                }

                var cell = row.Get(header[field]);
                if (cell.FromMerge && !cell.IsEmpty)
                {
                    // An amount merged over several lines is counted once, on the first of them.
                    plannedWithPrevious |= field == "budgetGlobal";
                    amounts[field] = 0m;
                    continue;
                }

                var value = CellValueParser.Parse(cell);
                switch (value.Status)
                {
                    case ValueStatus.Value when value.Number < 0:
                        issues.Error("montant-negatif", $"Le montant {fieldLabel} est négatif.", sheet, cell.Reference, cell.Display, "un montant positif ou nul");
                        rowOk = false;
                        break;
                    case ValueStatus.Value when value.Number > 1_000_000_000_000m:
                        issues.Error("montant-hors-limite", $"Le montant {fieldLabel} dépasse 1 000 milliards d'euros.", sheet, cell.Reference, cell.Display, "un montant inférieur à 10^12 €");
                        rowOk = false;
                        break;
                    case ValueStatus.Value:
                        amounts[field] = value.Number!.Value;
                        break;
                    case ValueStatus.Blank:
                        amounts[field] = 0m;
                        break;
                    case ValueStatus.Error:
                        issues.Error("formule-en-erreur", $"La cellule du montant {fieldLabel} contient une erreur de formule.", sheet, cell.Reference, cell.Display, "un montant en euros");
                        rowOk = false;
                        break;
                    default:
                        issues.Error("montant-illisible", $"Le montant {fieldLabel} n'est pas un nombre.", sheet, cell.Reference, cell.Display, "un montant en euros, par exemple « 839 727 € » ou « - € »");
                        rowOk = false;
                        break;
                }
            }

            if (!rowOk)
            {
                continue;
            }

            if (fiche is null && action is null && objectif is null && mesure is null)
            {
                continue;
            }

            var line = new BudgetLine
            {
                Year = year.Value,
                Engagement = engagement,
                Mesure = mesure,
                Objectif = objectif,
                Fiche = fiche,
                Action = action,
                BudgetGlobal = amounts.GetValueOrDefault("budgetGlobal"),
                Departement = amounts.GetValueOrDefault("departement"),
                Fir = amounts.GetValueOrDefault("fir"),
                Etat = amounts.GetValueOrDefault("etat"),
                Ondam = amounts.GetValueOrDefault("ondam"),
                Modalite = Text(row, header, "modalite"),
                ConsumedBefore = amounts.GetValueOrDefault("consumedBefore"),
                ConsumedInYear = amounts.GetValueOrDefault("consumedInYear"),
                ConsumedCumulative = header.Has("consumedCumulative")
                    ? amounts.GetValueOrDefault("consumedCumulative")
                    : amounts.GetValueOrDefault("consumedBefore") + amounts.GetValueOrDefault("consumedInYear"),
                Order = ++order,
                SourceCell = CellReference.Format(keyColumn, row.Index),
            };
            if (plannedWithPrevious && shared.Count > 0)
            {
                shared.Add((line, row));
            }
            else
            {
                CheckShared(shared, header, sheet, issues);
                shared = [(line, row)];
            }

            CheckLine(line, row, header, sheet, issues);
            if (fiche is not null && allLines.Any(l => l.Fiche == fiche))
            {
                issues.Error("fiche-en-double", $"La fiche action n° {fiche} apparaît deux fois dans le tableau.", sheet, ficheCell.Reference, ficheCell.Display, "un numéro de fiche unique");
                continue;
            }

            if (fiche is null && ContractActions.CodeOf(action) is { } code && allLines.Any(l => l.Fiche is null && l.Objectif == objectif && ContractActions.CodeOf(l.Action) == code))
            {
                issues.Error("action-en-double", $"L'action {code} de l'objectif « {objectif} » apparaît deux fois dans le tableau.", sheet, CellReference.Format(keyColumn, row.Index), action, "un numéro d'action unique par objectif");
                continue;
            }

            engagementLines.Add((line, row));
            allLines.Add(line);
        }

        CheckShared(shared, header, sheet, issues);
        if (allLines.Count == 0)
        {
            issues.Error("tableau-vide", "Le rapport financier ne contient aucune ligne de fiche action sous son en-tête.", sheet, CellReference.Format(1, header.LastHeaderRow + 1));
        }
        else if (!sawTotal)
        {
            issues.Warning("total-absent", "Le tableau n'a pas de ligne « Total » : le total n'a pas pu être contrôlé.", sheet);
        }

        content.BudgetLines.AddRange(allLines);
        return [year.Value];
    }

    private static int? FindYear(HeaderMap header, SheetInput input, IssueList issues)
    {
        var text = header.TextOf("consumedInYear");
        var match = Year().Match(text);
        if (match.Success)
        {
            return int.Parse(match.Value, CultureInfo.InvariantCulture);
        }

        issues.Error(
            "annee-introuvable",
            "Impossible de déterminer l'année du rapport financier : l'en-tête de la colonne du budget consommé dans l'année doit contenir l'année, par exemple « Budget consommé en 2022 ».",
            input.Sheet.Name,
            header.CellOf("consumedInYear"),
            header.RawTextOf("consumedInYear"),
            "« Budget consommé en AAAA »");
        return null;
    }

    /// <summary>Lines sharing one planned amount (merged over them): together they must not consume more than it.</summary>
    private static void CheckShared(List<(BudgetLine Line, XlsxRow Row)> group, HeaderMap header, string sheet, IssueList issues)
    {
        if (group.Count < 2)
        {
            return;
        }

        var consumed = group.Sum(g => g.Line.ConsumedCumulative);
        var planned = group[0].Line.BudgetGlobal;
        if (consumed > planned)
        {
            var actions = string.Join(", ", group.Select(g => g.Line.Action ?? g.Line.Objectif));
            issues.Warning("consomme-superieur-prevu", $"Pour les lignes {actions}, qui partagent un même budget prévu, le montant consommé dépasse ce budget.", sheet, CellReference.Format(header.Columns.GetValueOrDefault("consumedCumulative", header["consumedInYear"]), group[^1].Row.Index), FrenchFormat.Euros(consumed), $"au plus {FrenchFormat.Euros(planned)}");
        }
    }

    private static void CheckLine(BudgetLine line, XlsxRow row, HeaderMap header, string sheet, IssueList issues)
    {
        var label = line.Fiche is { } f ? $"la fiche {f}" : line.Action is { } a ? $"l'action « {a} »" : $"l'objectif « {line.Objectif ?? line.Mesure} »";
        var funders = line.Departement + line.Fir + line.Etat + line.Ondam;
        if (funders != line.BudgetGlobal && header.Has("departement"))
        {
            issues.Warning("financeurs-budget", $"Pour {label}, Département + FIR + État + ONDAM ({FrenchFormat.Euros(funders)}) ne font pas le budget global.", sheet, CellReference.Format(header["budgetGlobal"], row.Index), FrenchFormat.Euros(line.BudgetGlobal), FrenchFormat.Euros(funders));
        }

        if (header.Has("consumedBefore") && header.Has("consumedCumulative") && line.ConsumedBefore + line.ConsumedInYear != line.ConsumedCumulative)
        {
            issues.Warning("consomme-cumul", $"Pour {label}, le consommé des années précédentes plus celui de l'année ne fait pas le cumul.", sheet, CellReference.Format(header["consumedCumulative"], row.Index), FrenchFormat.Euros(line.ConsumedCumulative), FrenchFormat.Euros(line.ConsumedBefore + line.ConsumedInYear));
        }

        if (line.ConsumedCumulative > line.BudgetGlobal && !row.Get(header["budgetGlobal"]).FromMerge)
        {
            issues.Warning("consomme-superieur-prevu", $"Pour {label}, le montant consommé dépasse le budget prévu.", sheet, CellReference.Format(header.Columns.GetValueOrDefault("consumedCumulative", header["consumedInYear"]), row.Index), FrenchFormat.Euros(line.ConsumedCumulative), $"au plus {FrenchFormat.Euros(line.BudgetGlobal)}");
        }
    }

    private static void CheckTotals(IEnumerable<BudgetLine> lines, XlsxRow row, HeaderMap header, string sheet, string what, IssueList issues)
    {
        var list = lines.ToList();
        foreach (var (field, fieldLabel) in AmountFields)
        {
            if (!header.Has(field))
            {
                continue;
            }

            var cell = row.Get(header[field]);
            var printed = CellValueParser.Parse(cell);
            if (printed.Status != ValueStatus.Value)
            {
                continue;
            }

            var sum = list.Sum(l => field switch
            {
                "budgetGlobal" => l.BudgetGlobal,
                "departement" => l.Departement,
                "fir" => l.Fir,
                "etat" => l.Etat,
                "ondam" => l.Ondam,
                "consumedBefore" => l.ConsumedBefore,
                "consumedInYear" => l.ConsumedInYear,
                _ => l.ConsumedCumulative,
            });
            if (sum != printed.Number)
            {
                issues.Warning("total-incoherent", $"Colonne {fieldLabel} : {what} imprimé ne correspond pas à la somme des lignes (écart de {FrenchFormat.Euros(printed.Number!.Value - sum)}).", sheet, cell.Reference, FrenchFormat.Euros(printed.Number!.Value), FrenchFormat.Euros(sum));
            }
        }
    }

    private static string? RowLabel(XlsxRow row, HeaderMap header)
    {
        var firstAmountColumn = header["budgetGlobal"];
        return row.NonEmpty.Where(c => c.Column < firstAmountColumn && c.Kind == XlsxCellKind.Text && !c.FromMerge)
            .Select(c => TextNormalizer.Normalize(c.Text))
            .FirstOrDefault(t => t.StartsWith("total", StringComparison.Ordinal) || t.StartsWith("sous", StringComparison.Ordinal));
    }

    private static bool IsBanner(XlsxRow row, HeaderMap header, out string banner)
    {
        banner = string.Empty;
        var hasAmount = row.NonEmpty.Any(c => c.Column >= header["budgetGlobal"] && !c.FromMerge);
        if (row.NonEmpty.Cast<XlsxCell?>().FirstOrDefault() is not { Kind: XlsxCellKind.Text } first)
        {
            return false;
        }

        var text = TextNormalizer.Normalize(first.Text);
        if ((text.StartsWith("engagement", StringComparison.Ordinal) || text.StartsWith("conditions pour y parvenir", StringComparison.Ordinal))
            && (!hasAmount || row.NonEmpty.All(c => c.FromMerge || c.Column == first.Column)))
        {
            var raw = first.Text!.Trim();
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            banner = colon > 0 ? raw[..colon].Trim() : raw;
            return true;
        }

        return false;
    }

    private static string? Text(XlsxRow row, HeaderMap header, string field)
    {
        if (!header.Has(field))
        {
            return null;
        }

        var cell = row.Get(header[field]);
        return cell.IsEmpty ? null : cell.Display.Trim();
    }

    private static bool Word(string text, string word) => Regex.IsMatch(text, $@"(^|[^a-z]){word}([^a-z]|$)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"20\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"20\d\d\s*-\s*20\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();
}
