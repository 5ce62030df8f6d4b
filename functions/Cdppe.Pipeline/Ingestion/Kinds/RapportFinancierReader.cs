using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The rows of one rapport financier table, in order: engagement banners, budget lines (with the mesure and objectif
/// they inherit from the rows above), sub-totals and the grand total, which are checked against the lines read.
/// </summary>
internal sealed class RapportFinancierReader(string sheet, HeaderMap header, WorkbookContent content, int year)
{
    private readonly IssueList issues = content.Issues;
    private readonly int errorsBefore = content.Issues.ErrorCount;
    private readonly int keyColumn = header.Columns.GetValueOrDefault("fiche", header.Columns.GetValueOrDefault("action"));
    private readonly List<BudgetLine> engagementLines = [];
    private readonly List<BudgetLine> allLines = [];
    private List<(BudgetLine Line, SheetRow Row)> shared = [];
    private bool totalsSkipped;
    private int order;
    private bool sawTotal;
    private string engagement = "Sans engagement";
    private string? mesure;
    private string? objectif;

    public void ReadAll(IEnumerable<SheetRow> rows)
    {
        foreach (var row in rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (TryCheckTotal(row))
            {
                continue;
            }

            if (IsBanner(row, out var banner))
            {
                engagement = banner;
                mesure = null;
                objectif = null;
                continue;
            }

            ReadLine(row);
        }

        RapportFinancierChecks.Shared(shared, header, sheet, issues);
        if (allLines.Count == 0)
        {
            issues.Add(IngestionMessages.EmptyTable(RapportFinancierParser.KindName, sheet, CellReference.Format(1, header.LastHeaderRow + 1)));
        }
        else if (!sawTotal)
        {
            issues.Add(IngestionMessages.MissingTotalRow(RapportFinancierParser.KindName, sheet));
        }

        content.BudgetLines.AddRange(allLines);
    }

    /// <summary>A sub-total row checks the lines of its engagement, a total row all lines.</summary>
    private bool TryCheckTotal(SheetRow row)
    {
        var label = RowLabel(row);
        if (label is "sous-total" or "sous total")
        {
            if (!issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
            {
                RapportFinancierChecks.Totals(engagementLines, row, header, sheet, engagement, issues);
            }

            engagementLines.Clear();
            return true;
        }

        if (label is "total" or "total general")
        {
            if (!issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
            {
                RapportFinancierChecks.Totals(allLines, row, header, sheet, null, issues);
            }

            sawTotal = true;
            return true;
        }

        return false;
    }

    private void ReadLine(SheetRow row)
    {
        var ficheCell = row.Get(header.Columns.GetValueOrDefault("fiche", -1));
        var action = header.Has("action") && row.Get(header["action"]) is { IsEmpty: false, FromMerge: false } actionCell ? actionCell.Display.Trim() : null;
        var rowMesure = Text(row, "mesure");
        if (rowMesure is not null && !row.Get(header.Columns.GetValueOrDefault("mesure")).FromMerge)
        {
            mesure = rowMesure;
            objectif = null;
        }

        objectif = Text(row, "objectif") ?? objectif;
        if (!TryReadFiche(ficheCell, out var fiche) || !TryReadAmounts(row, out var amounts, out var plannedWithPrevious))
        {
            return;
        }

        if (fiche is null && action is null && objectif is null && mesure is null)
        {
            return;
        }

        var line = new BudgetLine
        {
            Year = year,
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
            Modalite = Text(row, "modalite"),
            ConsumedBefore = amounts.GetValueOrDefault("consumedBefore"),
            ConsumedInYear = amounts.GetValueOrDefault("consumedInYear"),
            ConsumedCumulative = header.Has("consumedCumulative")
                ? amounts.GetValueOrDefault("consumedCumulative")
                : amounts.GetValueOrDefault("consumedBefore") + amounts.GetValueOrDefault("consumedInYear"),
            Order = ++order,
            SourceCell = CellReference.Format(keyColumn, row.Index),
        };
        Keep(line, row, ficheCell, plannedWithPrevious);
    }

    /// <summary>A fiche number is optional (objective and action lines have none) but must be an integer of 1 to 999.</summary>
    private bool TryReadFiche(SheetCell cell, out int? fiche)
    {
        fiche = null;
        var value = CellValueParser.Parse(cell);
        if (value.Status == ValueStatus.Value && value.Number is { } n && n == decimal.Truncate(n) && n is >= 1 and <= 999)
        {
            fiche = (int)n;
            return true;
        }

        if (value.Status is ValueStatus.Value or ValueStatus.Text or ValueStatus.Error)
        {
            issues.Add(IngestionMessages.InvalidFiche(sheet, cell));
            return false;
        }

        return true;
    }

    /// <summary>The amounts of a line; an amount merged over several lines is counted once, on the first of them.</summary>
    private bool TryReadAmounts(SheetRow row, out Dictionary<string, decimal> amounts, out bool plannedWithPrevious)
    {
        amounts = [];
        plannedWithPrevious = false;
        var ok = true;
        foreach (var (field, _, label) in RapportFinancierParser.AmountFields)
        {
            if (!header.Has(field))
            {
                continue;
            }

            var cell = row.Get(header[field]);
            if (cell.FromMerge && !cell.IsEmpty)
            {
                plannedWithPrevious |= field == "budgetGlobal";
                amounts[field] = 0m;
                continue;
            }

            var value = CellValueParser.Parse(cell);
            switch (value.Status)
            {
                case ValueStatus.Value when value.Number < 0:
                    issues.Add(IngestionMessages.NegativeAmount(label, sheet, cell));
                    ok = false;
                    break;
                case ValueStatus.Value when value.Number > Amounts.Max:
                    issues.Add(IngestionMessages.AmountOverLimit(label, sheet, cell));
                    ok = false;
                    break;
                case ValueStatus.Value:
                    amounts[field] = value.Number!.Value;
                    break;
                case ValueStatus.Blank:
                    amounts[field] = 0m;
                    break;
                case ValueStatus.Error:
                    issues.Add(IngestionMessages.AmountFormulaError(label, sheet, cell));
                    ok = false;
                    break;
                default:
                    issues.Add(IngestionMessages.UnreadableAmount(label, sheet, cell));
                    ok = false;
                    break;
            }
        }

        return ok;
    }

    /// <summary>Checks the line, then keeps it unless its fiche or action was already read.</summary>
    private void Keep(BudgetLine line, SheetRow row, SheetCell ficheCell, bool plannedWithPrevious)
    {
        if (plannedWithPrevious && shared.Count > 0)
        {
            shared.Add((line, row));
        }
        else
        {
            RapportFinancierChecks.Shared(shared, header, sheet, issues);
            shared = [(line, row)];
        }

        RapportFinancierChecks.Line(line, row, header, sheet, issues);
        if (line.Fiche is { } fiche && allLines.FirstOrDefault(l => l.Fiche == fiche) is { } first)
        {
            issues.Add(IngestionMessages.DuplicateFiche(RapportFinancierParser.KindName, fiche, first.SourceCell ?? string.Empty, sheet, ficheCell));
            return;
        }

        if (line.Fiche is null && ContractActions.CodeOf(line.Action) is { } code && allLines.Any(l => l.Fiche is null && l.Objectif == line.Objectif && ContractActions.CodeOf(l.Action) == code))
        {
            issues.Add(IngestionMessages.DuplicateAction(code, line.Objectif, sheet, CellReference.Format(keyColumn, row.Index), line.Action));
            return;
        }

        engagementLines.Add(line);
        allLines.Add(line);
    }

    private string? RowLabel(SheetRow row)
    {
        var firstAmountColumn = header["budgetGlobal"];
        return row.NonEmpty.Where(c => c.Column < firstAmountColumn && c.Kind == SheetCellKind.Text && !c.FromMerge)
            .Select(c => TextNormalizer.Normalize(c.Text))
            .FirstOrDefault(t => t.StartsWith("total", StringComparison.Ordinal) || t.StartsWith("sous", StringComparison.Ordinal));
    }

    private bool IsBanner(SheetRow row, out string banner)
    {
        banner = string.Empty;
        var hasAmount = row.NonEmpty.Any(c => c.Column >= header["budgetGlobal"] && !c.FromMerge);
        if (row.NonEmpty.Cast<SheetCell?>().FirstOrDefault() is not { Kind: SheetCellKind.Text } first)
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

    private string? Text(SheetRow row, string field)
    {
        if (!header.Has(field))
        {
            return null;
        }

        var cell = row.Get(header[field]);
        return cell.IsEmpty ? null : cell.Display.Trim();
    }
}
