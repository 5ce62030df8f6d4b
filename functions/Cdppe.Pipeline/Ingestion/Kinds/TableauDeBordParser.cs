using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The tableau de bord SNPPE (seed 004): indicator rows grouped under engagement banners and mesure/objectif cells
/// (merged over their rows, or left blank), with the 2019 diagnostic value, targets and achieved values per year
/// ("Niveau cible de l'objectif" / "Niveau d'atteinte de l'objectif" over "2020 2021 2022"), the date of the
/// diagnostic value and its source. Values: "4%", "16 988", "2,9%", "NC", milestones, "Indicateur en construction".
/// </summary>
public sealed partial class TableauDeBordParser : ISheetParser
{
    public const string KindName = WorkbookKinds.TableauDeBord;

    private static readonly ColumnSpec[] Specs =
    [
        new("mesure", t => t.StartsWith("mesure", StringComparison.Ordinal)),
        new("objectif", t => t.StartsWith("objectif", StringComparison.Ordinal)),
        new("indicateur", t => t.StartsWith("indicateur", StringComparison.Ordinal), Required: true),
        new("diagnostic", t => t.Contains("diagnostic", StringComparison.Ordinal) && !t.StartsWith("date", StringComparison.Ordinal) || t.Contains("niveau des indicateurs", StringComparison.Ordinal)),
        new("cible", t => t.Contains("cible", StringComparison.Ordinal), Required: true),
        new("atteinte", t => t.Contains("atteinte", StringComparison.Ordinal) || t.Contains("realise", StringComparison.Ordinal)),
        new("date", t => t.StartsWith("date", StringComparison.Ordinal)),
        new("source", t => t.StartsWith("source", StringComparison.Ordinal)),
    ];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<SheetRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var (targets, achieved) = YearColumns(header);
        if (targets.Count == 0)
        {
            content.Issues.Add(IngestionMessages.YearNotFound(KindName, sheet, header.CellOf("cible"), header.RawTextOf("cible")));
            return [];
        }

        string? objectifText = null;
        int? objectif = null;
        var seen = new Dictionary<string, (SourcedIndicator Indicator, string Cell)>(StringComparer.Ordinal);
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (Cells.IsEngagementBanner(row, out _))
            {
                objectifText = null;
                objectif = null;
                continue;
            }

            var labelCell = row.Get(header["indicateur"]);
            var label = labelCell.IsEmpty ? null : labelCell.Display.Trim();
            if (label is not null && TextNormalizer.Normalize(label).StartsWith("indicateur", StringComparison.Ordinal) && label.Length < 20)
            {
                // The header repeated on a new page.
                continue;
            }

            if (Cells.Text(row, header, "objectif") is { } o && o != objectifText)
            {
                objectifText = o;
                objectif = ReadObjective(o, CellReference.Format(header["objectif"], row.Index), sheet, content.Issues);
            }

            if (label is not null)
            {
                var definition = ReadIndicator(input, row, header, targets, achieved, objectif, label, labelCell, content.Issues);
                Keep(definition, label, labelCell, seen, content, sheet);
            }
        }

        if (seen.Count == 0)
        {
            content.Issues.Add(IngestionMessages.EmptyTable(KindName, sheet, CellReference.Format(header["indicateur"], header.LastHeaderRow + 1)));
        }

        return targets.Values.Concat(achieved.Values).Distinct().Order().ToList();
    }

    /// <summary>The columns of the targets and of the achieved values, with their years (written under the group label).</summary>
    private static (Dictionary<int, int> Targets, Dictionary<int, int> Achieved) YearColumns(HeaderMap header)
    {
        var targets = new Dictionary<int, int>();
        var achieved = new Dictionary<int, int>();
        foreach (var (column, full) in header.FullTexts)
        {
            if (Years.OnlyOne(header.BottomTexts.GetValueOrDefault(column)) is not { } year)
            {
                continue;
            }

            if (full.Contains("cible", StringComparison.Ordinal))
            {
                targets[column] = year;
            }
            else if (full.Contains("atteinte", StringComparison.Ordinal) || full.Contains("realise", StringComparison.Ordinal))
            {
                achieved[column] = year;
            }
        }

        return (targets, achieved);
    }

    private static int? ReadObjective(string text, string cell, string sheet, IssueList issues)
    {
        var objectif = NationalObjectives.Match(text);
        if (objectif is null && !NationalObjectives.IsWithoutObjective(text))
        {
            issues.Add(IngestionMessages.UnknownObjective(sheet, cell, text));
        }

        return objectif;
    }

    /// <summary>One indicator row: its baseline, targets and achieved values, coded under its objective.</summary>
    private static IndicatorDefinition ReadIndicator(SheetInput input, SheetRow row, HeaderMap header, Dictionary<int, int> targets, Dictionary<int, int> achieved, int? objectif, string label, SheetCell labelCell, IssueList issues)
    {
        var sheet = input.Sheet.Name;
        var parsed = new List<ParsedValue>();
        var baseline = header.Has("diagnostic") ? ReadFigure(row.Get(header["diagnostic"]), "de diagnostic", sheet, issues, parsed) : null;
        var targetFigures = ReadFigures(row, targets, "cible", sheet, issues, parsed);
        var achievedFigures = ReadFigures(row, achieved, "atteinte", sheet, issues, parsed);
        var clean = IndicatorCodes.StripNotes(label);
        var code = IndicatorCodes.Derive(objectif, clean);
        var kind = IndicatorCodes.InferKind(clean, parsed);
        var rate = IndicatorCodes.DerivedRate(code);
        return new IndicatorDefinition
        {
            Code = code,
            Label = clean,
            Objectif = objectif,
            Kind = kind,
            Fundamental = objectif is <= 11,
            Baseline = baseline,
            BaselineDate = header.Has("date") ? DateText(input.Workbook, row.Get(header["date"])) : null,
            Source = Cells.Text(row, header, "source"),
            Targets = targetFigures,
            Achieved = achievedFigures,
            NumeratorCode = rate?.Numerator,
            DenominatorCode = rate?.Denominator,
            Milestones = kind == IndicatorKind.Milestone
                ? targetFigures.OrderBy(t => t.Key).Select(t => t.Value.Text).OfType<string>().Where(t => !IndicatorCodes.IsPlaceholder(t)).Distinct().ToList()
                : [],
            SourceCell = labelCell.Reference,
        };
    }

    private static Dictionary<int, IndicatorFigure> ReadFigures(SheetRow row, Dictionary<int, int> columns, string what, string sheet, IssueList issues, List<ParsedValue> parsed)
    {
        var figures = new Dictionary<int, IndicatorFigure>();
        foreach (var (column, year) in columns.OrderBy(t => t.Value))
        {
            if (ReadFigure(row.Get(column), $"{what} {year}", sheet, issues, parsed) is { } figure)
            {
                figures[year] = figure;
            }
        }

        return figures;
    }

    private static IndicatorFigure? ReadFigure(SheetCell cell, string what, string sheet, IssueList issues, List<ParsedValue> parsed)
    {
        var value = CellValueParser.Parse(cell);
        switch (value.Status)
        {
            case ValueStatus.Error:
                issues.Add(IngestionMessages.ValueFormulaError(what, sheet, cell));
                return null;
            case ValueStatus.Value when value.Number < 0:
                issues.Add(IngestionMessages.NegativeValue(what, sheet, cell));
                return null;
            case ValueStatus.Text when SeveralValues().IsMatch(value.Text ?? string.Empty):
                issues.Add(IngestionMessages.SeveralValues(what, sheet, cell));
                return new IndicatorFigure(null, false, value.Text);
        }

        parsed.Add(value);
        return Cells.Figure(value);
    }

    /// <summary>
    /// The first row of an indicator is kept; a later one with values replaces a first one without any, and two rows
    /// with values are a warning.
    /// </summary>
    private static void Keep(IndicatorDefinition definition, string label, SheetCell labelCell, Dictionary<string, (SourcedIndicator Indicator, string Cell)> seen, WorkbookContent content, string sheet)
    {
        if (!seen.TryGetValue(definition.Code, out var previous))
        {
            var sourced = content.From(new SourcedIndicator(KindName, definition), sheet);
            seen[definition.Code] = (sourced, labelCell.Reference);
            content.Indicators.Add(sourced);
            return;
        }

        var before = previous.Indicator.Definition;
        var empty = definition.Baseline is null && definition.Targets.Count == 0 && definition.Achieved.Count == 0;
        var previousEmpty = before.Baseline is null && before.Targets.Count == 0 && before.Achieved.Count == 0;
        if (!empty && !previousEmpty)
        {
            content.Issues.Add(IngestionMessages.DuplicateIndicator(definition.Label, previous.Cell, sheet, labelCell.Reference, label));
        }

        if (previousEmpty && !empty)
        {
            var index = content.Indicators.IndexOf(previous.Indicator);
            var replacement = content.From(new SourcedIndicator(KindName, definition), sheet);
            content.Indicators[index] = replacement;
            seen[definition.Code] = (replacement, labelCell.Reference);
        }
    }

    /// <summary>The date of the diagnostic value as written ("2018", "2019-2020") or a date cell as dd/mm/yyyy.</summary>
    private static string? DateText(ISpreadsheet workbook, SheetCell cell) => cell switch
    {
        { IsEmpty: true } => null,
        { Kind: SheetCellKind.Number, IsDate: true, Number: { } serial } => workbook.ToDate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => cell.Display.Trim(),
    };

    [GeneratedRegex(@"^\s*\d+(?:[,.]\d+)?\s*%?(?:\s+\d+(?:[,.]\d+)?\s*%?)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SeveralValues();
}
