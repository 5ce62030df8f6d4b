using System.Globalization;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Xlsx;
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

    public HeaderMap? Detect(IReadOnlyList<XlsxRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
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

        if (targets.Count == 0)
        {
            issues.Error(
                "annee-introuvable",
                "Impossible de trouver les années du tableau de bord : écrivez les années (« 2020 », « 2021 », « 2022 ») sous « Niveau cible de l'objectif » et sous « Niveau d'atteinte de l'objectif ».",
                sheet,
                header.CellOf("cible"),
                header.RawTextOf("cible"),
                "une ligne d'années sous les en-têtes de cibles");
            return [];
        }

        string? mesure = null;
        string? objectifText = null;
        int? objectif = null;
        var seen = new Dictionary<string, (SourcedIndicator Indicator, string Cell)>(StringComparer.Ordinal);
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (Cells.IsEngagementBanner(row, out _))
            {
                mesure = null;
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

            if (Cells.Text(row, header, "mesure") is { } m && m != mesure)
            {
                mesure = m;
            }

            if (Cells.Text(row, header, "objectif") is { } o && o != objectifText)
            {
                objectifText = o;
                objectif = NationalObjectives.Match(o);
                if (objectif is null && !NationalObjectives.IsWithoutObjective(o))
                {
                    issues.Warning("objectif-inconnu", "L'objectif n'a pas été reconnu dans la liste nationale (1 à 26) : ses indicateurs sont codés sans objectif (OXX).", sheet, CellReference.Format(header["objectif"], row.Index), o, "le libellé national de l'objectif ou « Objectif N : … »");
                }
            }

            if (label is null)
            {
                continue;
            }

            var parsed = new List<ParsedValue>();
            IndicatorFigure? Read(XlsxCell cell, string what)
            {
                var value = CellValueParser.Parse(cell);
                switch (value.Status)
                {
                    case ValueStatus.Error:
                        issues.Error("formule-en-erreur", $"La valeur {what} contient une erreur de formule.", sheet, cell.Reference, cell.Display, "un nombre, un pourcentage, un jalon ou « NC »");
                        return null;
                    case ValueStatus.Value when value.Number < 0:
                        issues.Error("valeur-negative", $"La valeur {what} ne peut pas être négative.", sheet, cell.Reference, cell.Display, "une valeur positive ou nulle");
                        return null;
                    case ValueStatus.Text when SeveralValues().IsMatch(value.Text ?? string.Empty):
                        issues.Warning("plusieurs-valeurs", $"La cellule {what} contient plusieurs valeurs : elle est gardée comme texte. Mettez chaque indicateur sur sa ligne.", sheet, cell.Reference, cell.Display, "une seule valeur par cellule");
                        return new IndicatorFigure(null, false, value.Text);
                }

                parsed.Add(value);
                return Cells.Figure(value);
            }

            var baseline = header.Has("diagnostic") ? Read(row.Get(header["diagnostic"]), "de diagnostic") : null;
            var targetFigures = new Dictionary<int, IndicatorFigure>();
            foreach (var (column, year) in targets.OrderBy(t => t.Value))
            {
                if (Read(row.Get(column), $"cible {year}") is { } figure)
                {
                    targetFigures[year] = figure;
                }
            }

            var achievedFigures = new Dictionary<int, IndicatorFigure>();
            foreach (var (column, year) in achieved.OrderBy(t => t.Value))
            {
                if (Read(row.Get(column), $"atteinte {year}") is { } figure)
                {
                    achievedFigures[year] = figure;
                }
            }

            var clean = IndicatorCodes.StripNotes(label);
            var code = IndicatorCodes.Derive(objectif, clean);
            var kind = IndicatorCodes.InferKind(clean, parsed);
            var rate = IndicatorCodes.DerivedRate(code);
            var definition = new IndicatorDefinition
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
            if (seen.TryGetValue(code, out var previous))
            {
                var before = previous.Indicator.Definition;
                var empty = definition.Baseline is null && definition.Targets.Count == 0 && definition.Achieved.Count == 0;
                var previousEmpty = before.Baseline is null && before.Targets.Count == 0 && before.Achieved.Count == 0;
                if (!empty && !previousEmpty)
                {
                    issues.Warning("indicateur-en-double", $"L'indicateur « {clean} » apparaît deux fois pour le même objectif (première fois en {previous.Cell}) : seule la première ligne est gardée.", sheet, labelCell.Reference, label, "une seule ligne par indicateur et par objectif");
                }

                if (previousEmpty && !empty)
                {
                    var index = content.Indicators.IndexOf(previous.Indicator);
                    var replacement = content.From(new SourcedIndicator(KindName, definition), sheet);
                    content.Indicators[index] = replacement;
                    seen[code] = (replacement, labelCell.Reference);
                }

                continue;
            }

            var sourced = content.From(new SourcedIndicator(KindName, definition), sheet);
            seen[code] = (sourced, labelCell.Reference);
            content.Indicators.Add(sourced);
        }

        if (seen.Count == 0)
        {
            issues.Error("tableau-vide", "Le tableau de bord ne contient aucune ligne d'indicateur sous son en-tête.", sheet, CellReference.Format(header["indicateur"], header.LastHeaderRow + 1));
        }

        return targets.Values.Concat(achieved.Values).Distinct().Order().ToList();
    }

    /// <summary>The date of the diagnostic value as written ("2018", "2019-2020") or a date cell as dd/mm/yyyy.</summary>
    private static string? DateText(ISpreadsheet workbook, XlsxCell cell) => cell switch
    {
        { IsEmpty: true } => null,
        { Kind: XlsxCellKind.Number, IsDate: true, Number: { } serial } => workbook.ToDate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => cell.Display.Trim(),
    };

    [GeneratedRegex(@"^\s*\d+(?:[,.]\d+)?\s*%?(?:\s+\d+(?:[,.]\d+)?\s*%?)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SeveralValues();
}
