using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// Reads the fiches of a plan d'action block by block: the first row of a fiche (identity and money), the indicator
/// rows below it (targets per year), then, when the next fiche starts, the fiche's planned funding per year.
/// </summary>
internal sealed class PlanActionFicheReader(string sheet, WorkbookContent content, HeaderMap header, PlanActionLayout layout, PlanActionTotals totals)
{
    private readonly IssueList issues = content.Issues;
    private readonly Dictionary<int, string> seenFiches = [];
    private readonly Dictionary<string, SourcedIndicator> indicators = new(StringComparer.Ordinal);

    /// <summary>The fiche whose block is being read, null before the first one or after an unreadable number.</summary>
    public PlanActionFiche? Current { get; private set; }

    /// <summary>After an unreadable fiche number: the block being read is dropped (the workbook is rejected for that error anyway).</summary>
    public void Abandon() => Current = null;

    public void StartFiche(int numero, SheetRow row, SheetCell ficheCell)
    {
        Finish();
        if (seenFiches.TryGetValue(numero, out var first))
        {
            issues.Add(IngestionMessages.DuplicateFiche(PlanActionParser.KindName, numero, first, sheet, ficheCell));
            Current = null;
            return;
        }

        seenFiches[numero] = ficheCell.Reference;
        var intitule = Cells.Text(row, header, "intitule");
        if (intitule is null)
        {
            issues.Add(IngestionMessages.MissingTitle(numero, sheet, header.Has("intitule") ? CellReference.Format(header["intitule"], row.Index) : ficheCell.Reference));
        }

        var objectifText = Cells.Text(row, header, "objectif");
        int? objectif = NationalObjectives.Match(objectifText);
        if (objectif is null && objectifText is not null && !NationalObjectives.IsWithoutObjective(objectifText))
        {
            issues.Add(IngestionMessages.UnknownObjective(sheet, CellReference.Format(header["objectif"], row.Index), objectifText));
        }

        var natureText = TextNormalizer.Normalize(Cells.Text(row, header, "nature"));
        var nature = natureText.Contains("fondamental", StringComparison.Ordinal) ? "fondamental" : natureText.Contains("facultatif", StringComparison.Ordinal) ? "facultatif" : null;
        if (nature is not null && NationalObjectives.Get(objectif) is { } national && national.Nature != nature)
        {
            issues.Add(IngestionMessages.NatureMismatch(numero, nature, national, sheet, CellReference.Format(header["nature"], row.Index), Cells.Text(row, header, "nature")));
        }

        var ok = TryReadMoney(numero, row, out var money, out var printedTotal);
        Current = new PlanActionFiche(numero, row.Index, ficheCell.Reference, intitule ?? $"Fiche action {numero}", objectif, Cells.Text(row, header, "theme"), nature, Cells.Text(row, header, "referent"), Cells.Text(row, header, "source"), money, printedTotal, ok);
    }

    /// <summary>Amounts on a row without a fiche number cannot be attributed: an error, so that nothing is silently lost.</summary>
    public void CheckContinuationMoney(SheetRow row)
    {
        var cells = layout.Money.Keys.Concat(header.Has("total") ? [header["total"]] : []).Order()
            .Select(row.Get)
            .Where(cell => !cell.IsEmpty && !cell.FromMerge && CellValueParser.Parse(cell) is { Status: ValueStatus.Value, Number: not 0m })
            .ToList();
        if (cells.Count > 0)
        {
            issues.Add(IngestionMessages.AmountsWithoutFiche(cells, CellReference.Format(header["fiche"], row.Index), sheet));
        }
    }

    public void ReadIndicators(SheetRow row)
    {
        if (Current is null)
        {
            return;
        }

        var label = Cells.OwnText(row, header, "indicateur");
        var parsed = new List<ParsedValue>();
        var targets = ReadTargets(row, parsed);
        if (label is null)
        {
            if (targets.Count > 0)
            {
                issues.Add(IngestionMessages.TargetsWithoutLabel(Current.Numero, sheet, CellReference.Format(header["indicateur"], row.Index)));
            }
        }
        else
        {
            var mark = TextNormalizer.Normalize(Cells.OwnText(row, header, "indicateurEtat"));
            AddIndicator(label, targets, parsed, mark is "x" or "oui", row.Index, "indicateur");
        }

        if (Cells.OwnText(row, header, "additionnel") is { } extra && !IndicatorCodes.IsPlaceholder(extra))
        {
            AddIndicator(extra, new Dictionary<int, IndicatorFigure>(), [], false, row.Index, "additionnel");
        }
    }

    /// <summary>Closes the current fiche: its funding per year, its checks, its definition.</summary>
    public void Finish()
    {
        if (Current is not { } f)
        {
            return;
        }

        Current = null;
        if (!f.AmountsOk)
        {
            // The amount errors are reported; the fiche itself is still known.
            content.Fiches.Add(content.From(new FicheDefinition { Numero = f.Numero, Intitule = f.Intitule, Objectif = f.Objectif, Theme = f.Theme, Nature = f.Nature, Referent = f.Referent, SourceCell = f.Cell }, sheet));
            return;
        }

        var funding = layout.FundingYears.Select(year => content.From(Funding(f, year), sheet)).ToList();
        var computed = totals.CheckFiche(f, funding);
        content.PlannedFunding.AddRange(funding);
        content.Fiches.Add(content.From(
            new FicheDefinition
            {
                Numero = f.Numero,
                Intitule = f.Intitule,
                Objectif = f.Objectif,
                Theme = f.Theme,
                Nature = f.Nature,
                Referent = f.Referent,
                PlannedTotal = f.PrintedTotal ?? (computed == 0 ? null : computed),
                SourceCell = f.Cell,
            },
            sheet));
    }

    private bool TryReadMoney(int numero, SheetRow row, out Dictionary<int, decimal?> money, out decimal? printedTotal)
    {
        money = [];
        var ok = true;
        foreach (var column in layout.Money.Keys)
        {
            if (Amounts.TryRead(row.Get(column), $"{layout.ColumnLabel(column)} de la fiche {numero}", sheet, issues, out var amount, blank: null))
            {
                money[column] = amount;
            }
            else
            {
                ok = false;
            }
        }

        printedTotal = null;
        if (header.Has("total") && !Amounts.TryRead(row.Get(header["total"]), $"total prévu de la fiche {numero}", sheet, issues, out printedTotal, blank: null))
        {
            ok = false;
        }

        return ok;
    }

    /// <summary>The targets of an indicator row by year; formula errors and negative targets are errors.</summary>
    private Dictionary<int, IndicatorFigure> ReadTargets(SheetRow row, List<ParsedValue> parsed)
    {
        var targets = new Dictionary<int, IndicatorFigure>();
        foreach (var (column, year) in layout.Targets)
        {
            var cell = row.Get(column);
            if (cell.FromMerge)
            {
                continue;
            }

            var value = CellValueParser.Parse(cell);
            if (value.Status == ValueStatus.Error)
            {
                issues.Add(IngestionMessages.ValueFormulaError($"cible {year}", sheet, cell));
                continue;
            }

            if (value.Status == ValueStatus.Value && value.Number < 0)
            {
                issues.Add(IngestionMessages.NegativeValue($"cible {year}", sheet, cell));
                continue;
            }

            parsed.Add(value);
            if (Cells.Figure(value) is { } figure)
            {
                targets[year] = figure;
            }
        }

        return targets;
    }

    private PlannedFunding Funding(PlanActionFiche f, int year)
    {
        decimal Amount(PlanActionGroup g) => layout.YearColumn(g, year) is { } c ? f.Money.GetValueOrDefault(c) ?? 0m : 0m;
        var cdPrinted = layout.YearColumn(PlanActionGroup.Cd, year) is { } cc ? f.Money.GetValueOrDefault(cc) : null;
        return new PlannedFunding
        {
            Fiche = f.Numero,
            Year = year,
            MasseSalariale = Amount(PlanActionGroup.Masse),
            BudgetDgas = Amount(PlanActionGroup.Dgas),
            Departement = cdPrinted ?? Amount(PlanActionGroup.Masse) + Amount(PlanActionGroup.Dgas),
            Fir = Amount(PlanActionGroup.Fir),
            Etat = Amount(PlanActionGroup.Etat),
            Ondam = Amount(PlanActionGroup.Ondam),
            CofinancementSource = f.Source,
            SourceCell = f.Cell,
        };
    }

    /// <summary>An indicator of the current fiche; one already read (from another fiche) gains the fiche and the targets it lacked.</summary>
    private void AddIndicator(string label, Dictionary<int, IndicatorFigure> targets, List<ParsedValue> parsed, bool fundamental, int rowIndex, string field)
    {
        var f = Current!;
        var clean = IndicatorCodes.StripNotes(label);
        var code = IndicatorCodes.Derive(f.Objectif, clean);
        var kind = IndicatorCodes.InferKind(clean, parsed);
        var milestones = kind == IndicatorKind.Milestone
            ? targets.OrderBy(t => t.Key).Select(t => t.Value.Text).OfType<string>().Where(t => !IndicatorCodes.IsPlaceholder(t)).Distinct().ToList()
            : [];
        var cell = CellReference.Format(header[field], rowIndex);
        if (indicators.TryGetValue(code, out var existing))
        {
            var previous = existing.Definition;
            foreach (var (year, target) in targets)
            {
                if (previous.Targets.TryGetValue(year, out var other) && other != target)
                {
                    issues.Add(IngestionMessages.DivergentTargets(code, year, previous.Fiche, sheet, cell, Describe(target), Describe(other)));
                }
            }

            var merged = previous.Targets.ToDictionary(t => t.Key, t => t.Value);
            foreach (var (year, target) in targets)
            {
                merged.TryAdd(year, target);
            }

            var updated = previous with
            {
                Targets = merged,
                Fiches = previous.Fiches.Contains(f.Numero) ? previous.Fiches : [.. previous.Fiches, f.Numero],
                Fundamental = previous.Fundamental || fundamental,
                Milestones = previous.Milestones.Count > 0 ? previous.Milestones : milestones,
            };
            var replacement = content.From(existing with { Definition = updated }, sheet);
            content.Indicators[content.Indicators.IndexOf(existing)] = replacement;
            indicators[code] = replacement;
            return;
        }

        var rate = IndicatorCodes.DerivedRate(code);
        var definition = new IndicatorDefinition
        {
            Code = code,
            Label = clean,
            Objectif = f.Objectif,
            Fiche = f.Numero,
            Fiches = [f.Numero],
            Kind = kind,
            Fundamental = fundamental,
            Targets = targets,
            NumeratorCode = rate?.Numerator,
            DenominatorCode = rate?.Denominator,
            Milestones = milestones,
            SourceCell = cell,
        };
        var sourced = content.From(new SourcedIndicator(PlanActionParser.KindName, definition), sheet);
        indicators[code] = sourced;
        content.Indicators.Add(sourced);
    }

    private static string Describe(IndicatorFigure figure) =>
        figure.Value is { } v ? figure.IsPercent ? FrenchFormat.Percent(v) : FrenchFormat.Number(v, v == decimal.Truncate(v) ? 0 : 2) : figure.Text ?? string.Empty;
}
