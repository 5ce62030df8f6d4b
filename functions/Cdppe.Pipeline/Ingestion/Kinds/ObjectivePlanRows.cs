using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>The row loop shared by the two objective plans: banners, continuation rows, amounts, totals.</summary>
internal sealed partial class ObjectivePlanRows(string kind, string period, SheetInput input, HeaderMap header, WorkbookContent content, Dictionary<int, int> actionColumns, int? nextYear)
{
    private readonly string sheet = input.Sheet.Name;
    private readonly List<ObjectivePlan> rows = [];

    /// <summary>
    /// The rows again, with the first <paramref name="count"/> data rows after the header also returned as a sample
    /// (to see what the columns hold before reading them); the rest stays streamed.
    /// </summary>
    public static (IEnumerable<SheetRow> Rows, IReadOnlyList<SheetRow> Sample) Buffer(IEnumerable<SheetRow> rows, int lastHeaderRow, int count)
    {
        var enumerator = rows.GetEnumerator();
        var buffered = new List<SheetRow>();
        var sample = new List<SheetRow>();
        while (sample.Count < count && enumerator.MoveNext())
        {
            buffered.Add(enumerator.Current);
            if (enumerator.Current.Index > lastHeaderRow && !enumerator.Current.IsBlank)
            {
                sample.Add(enumerator.Current);
            }
        }

        return (buffered.Concat(Rest(enumerator)), sample);

        static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rest)
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

    public void ReadAll()
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
                    CheckTotal(row);
                }

                printedTotal = true;
                continue;
            }

            mesure = Cells.OwnText(row, header, "mesure") ?? (Cells.Text(row, header, "mesure") is { } merged ? merged : mesure);
            if (!TryReadObjective(row, previous, out var objectif, out var libelle))
            {
                continue;
            }

            var actions = new Dictionary<int, string>();
            foreach (var (column, year) in actionColumns)
            {
                if (row.Get(column) is { IsEmpty: false, FromMerge: false } cell)
                {
                    actions[year] = cell.Display.Trim();
                }
            }

            var what = objectif?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? libelle;
            var ok = TryReadAmount(row, "departement", $"Département de l'objectif {what}", out var departement)
                & TryReadAmount(row, "etat", $"État de l'objectif {what}", out var etat)
                & TryReadAmount(row, "total", $"total de l'objectif {what}", out var total)
                & TryReadAmount(row, "montant", $"des autres financements de l'objectif {what}", out var montant)
                & TryReadAmount(row, "nextYear", $"financement {nextYear} de l'objectif {what}", out var next);
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
                issues.Add(IngestionMessages.ObjectiveFundersMismatch(what ?? string.Empty, sum, t, sheet, CellReference.Format(header["total"], row.Index)));
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
            issues.Add(IngestionMessages.EmptyTable(kind, sheet, CellReference.Format(header["actions"], header.LastHeaderRow + 1)));
        }
        else if (!printedTotal)
        {
            issues.Add(IngestionMessages.MissingTotalRow(kind, sheet));
        }

        content.ObjectivePlans.AddRange(rows);
    }

    /// <summary>
    /// The objective of a row: its own number and wording (checked against the national list), or, on a continuation
    /// row without either, the previous row's. False when the number is not a national objective's.
    /// </summary>
    private bool TryReadObjective(SheetRow row, ObjectivePlan? previous, out int? objectif, out string? libelle)
    {
        var numberText = Cells.OwnText(row, header, "numero");
        var objectifText = Cells.OwnText(row, header, "objectif");
        if (numberText is null && objectifText is null && previous is not null)
        {
            objectif = previous.Objectif;
            libelle = previous.Libelle;
            return true;
        }

        libelle = objectifText ?? Cells.Text(row, header, "objectif");
        objectif = NationalObjectives.Match(numberText) ?? NationalObjectives.Match(libelle);
        if (numberText is not null && NationalObjectives.Match(numberText) is null)
        {
            content.Issues.Add(IngestionMessages.InvalidObjective(sheet, CellReference.Format(header["numero"], row.Index), numberText));
            return false;
        }

        if (numberText is not null && libelle is not null && NationalObjectives.Match(libelle) is { } byWording && byWording != objectif)
        {
            content.Issues.Add(IngestionMessages.ObjectiveMismatch(objectif, byWording, sheet, CellReference.Format(header["numero"], row.Index), numberText));
        }

        if (objectif is null && libelle is not null && !NationalObjectives.IsWithoutObjective(libelle))
        {
            content.Issues.Add(IngestionMessages.UnknownObjective(sheet, CellReference.Format(header.Columns.GetValueOrDefault("objectif", header.Columns.GetValueOrDefault("numero", 1)), row.Index), libelle));
        }

        return true;
    }

    /// <summary>An amount of the row, null when its column is absent or blank; false (with the error) when unreadable.</summary>
    private bool TryReadAmount(SheetRow row, string field, string what, out decimal? amount)
    {
        amount = null;
        return !header.Has(field) || Amounts.TryRead(row.Get(header[field]), what, sheet, content.Issues, out amount, blank: null);
    }

    private bool IsUnlabelledTotal(SheetRow row)
    {
        var amounts = new[] { "departement", "etat", "total" }.Where(header.Has).Select(f => header[f]).ToList();
        var own = row.NonEmpty.Where(c => !c.FromMerge).ToList();
        return own.Count > 0 && own.All(c => amounts.Contains(c.Column) || c.Column == header.Columns.GetValueOrDefault("modalite", -1));
    }

    private void CheckTotal(SheetRow row)
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
                content.Issues.Add(IngestionMessages.ObjectivePlanTotalMismatch(kind, label, printed, sum, sheet, cell.Reference));
            }
        }
    }
}
