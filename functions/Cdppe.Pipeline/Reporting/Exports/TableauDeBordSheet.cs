using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The tableau de bord SNPPE in the State's layout (seed 004): title and date, the two header rows, engagement
/// banners, mesure and objectif cells merged over their indicators, and per indicator its diagnostic value, targets,
/// niveau d'atteinte per year (by <see cref="AchievementRule"/>), date and source. A niveau d'atteinte that is not
/// December's, and an empty one, carry a note saying why.
/// </summary>
public static class TableauDeBordSheet
{
    public const string SheetName = "Tableau de bord";

    /// <summary>Row of the first header row (after the title and the date).</summary>
    public const int HeaderRow = 4;

    /// <summary>One indicator row: its definition and its niveau d'atteinte per contract year up to the exported year.</summary>
    public sealed record Line(IndicatorDefinition Indicator, IReadOnlyDictionary<int, YearAchievement?> Achieved);

    public static XlsxSheetSpec Build(Departement departement, int year, IReadOnlyList<int> years, DateOnly generatedOn, IReadOnlyList<Line> lines)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var merges = new List<string>();
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var lastColumn = 4 + (2 * years.Count) + 2;
        var last = Ingestion.Spreadsheets.CellReference.ColumnName(lastColumn);
        var baselineYear = years.Count > 0 ? years[0] - 1 : year - 1;

        rows.Add(Row($"Tableau de bord SNPPE — {ReferenceData.DepartementName(departement)} ({departement.Code})"));
        rows.Add(Row(ExportCells.Date(generatedOn)));
        rows.Add(Row());
        var top = new List<object?> { "Mesure", "Objectif", "Indicateur", $"Niveau des indicateurs en {baselineYear} (diagnostic)", "Niveau cible de l'objectif" };
        top.AddRange(Enumerable.Repeat<object?>(null, years.Count - 1));
        top.Add("Niveau d'atteinte de l'objectif");
        top.AddRange(Enumerable.Repeat<object?>(null, years.Count - 1));
        top.AddRange(["Date de la donnée diagnostic", "SOURCES"]);
        rows.Add(top);
        var bottom = new List<object?> { null, null, null, null };
        bottom.AddRange(years.Select(y => (object?)ExportCells.Year(y)));
        bottom.AddRange(years.Select(y => (object?)ExportCells.Year(y)));
        rows.Add(bottom);
        string Col(int c) => Ingestion.Spreadsheets.CellReference.ColumnName(c);
        merges.AddRange([$"A1:{last}1", $"A{HeaderRow}:A{HeaderRow + 1}", $"B{HeaderRow}:B{HeaderRow + 1}", $"C{HeaderRow}:C{HeaderRow + 1}", $"D{HeaderRow}:D{HeaderRow + 1}",
            $"E{HeaderRow}:{Col(4 + years.Count)}{HeaderRow}", $"{Col(5 + years.Count)}{HeaderRow}:{Col(4 + (2 * years.Count))}{HeaderRow}",
            $"{Col(lastColumn - 1)}{HeaderRow}:{Col(lastColumn - 1)}{HeaderRow + 1}", $"{Col(lastColumn)}{HeaderRow}:{Col(lastColumn)}{HeaderRow + 1}"]);

        foreach (var engagement in lines.GroupBy(l => NationalMesures.EngagementOf(l.Indicator.Objectif)).OrderBy(g => NationalMesures.Rank(g.Key)))
        {
            rows.Add(Row(NationalMesures.Banner(engagement.Key)));
            merges.Add($"A{rows.Count}:{last}{rows.Count}");
            foreach (var mesure in engagement.GroupBy(l => NationalMesures.Of(l.Indicator.Objectif) ?? string.Empty))
            {
                var mesureStart = rows.Count + 1;
                foreach (var objectif in mesure.GroupBy(l => l.Indicator.Objectif))
                {
                    var objectifStart = rows.Count + 1;
                    foreach (var line in objectif)
                    {
                        var first = rows.Count + 1 == objectifStart;
                        var row = new List<object?>
                        {
                            rows.Count + 1 == mesureStart && mesure.Key.Length > 0 ? mesure.Key : null,
                            first ? ReferenceData.ObjectiveLabel(objectif.Key) ?? "Sans objectif" : null,
                            line.Indicator.Label,
                            ExportCells.Figure(line.Indicator.Baseline),
                        };
                        row.AddRange(years.Select(y => ExportCells.Figure(line.Indicator.Targets.GetValueOrDefault(y))));
                        foreach (var y in years)
                        {
                            var level = line.Achieved.GetValueOrDefault(y);
                            row.Add(ExportCells.Figure(level?.Figure));
                            if (AchievementNote(line.Indicator, y, year, level) is { } note)
                            {
                                notes[Ingestion.Spreadsheets.CellReference.Format(row.Count, rows.Count + 1)] = note;
                            }
                        }

                        row.AddRange([line.Indicator.BaselineDate, line.Indicator.Source]);
                        rows.Add(row);
                    }

                    if (rows.Count > objectifStart)
                    {
                        merges.Add($"B{objectifStart}:B{rows.Count}");
                    }
                }

                if (rows.Count > mesureStart && mesure.Key.Length > 0)
                {
                    merges.Add($"A{mesureStart}:A{rows.Count}");
                }
            }
        }

        var widths = new List<double> { 30, 45, 55, 16 };
        widths.AddRange(Enumerable.Repeat(12d, 2 * years.Count));
        widths.AddRange([14, 24]);
        return new XlsxSheetSpec(SheetName, rows, merges) { Widths = widths, Notes = notes, NotesAuthor = "Cdppe (niveau d'atteinte)" };
    }

    /// <summary>Why a niveau d'atteinte is not December's, or why it is empty; null for December's value or the year's own figure.</summary>
    public static string? AchievementNote(IndicatorDefinition indicator, int column, int year, YearAchievement? level)
    {
        if (column > year)
        {
            return $"Année {column} postérieure à l'année exportée ({year}) : pas encore de niveau d'atteinte.";
        }

        if (level is null)
        {
            return indicator.Kind == IndicatorKind.Milestone
                ? $"Aucune étape atteinte n'est renseignée pour {column} : ni le tableau de bord ni le suivi mensuel n'en donnent."
                : $"Aucune valeur pour {column} : ni le tableau de bord ni le suivi mensuel n'en donnent.";
        }

        if (level.Month is not { } month)
        {
            return null;
        }

        var at = $"valeur au {ExportCells.EndOfMonth(month)}";
        if (level.LaterMonthsUnreliable)
        {
            return level.ReliableUntil is null
                ? $"{at} : aucun mois de {column} n'est déclaré fiable, valeur donnée sous réserve"
                : $"{at} : données des mois suivants déclarées non fiables";
        }

        return month.Month == 12 ? null : $"{at} : dernier mois renseigné du suivi mensuel";
    }

    private static List<object?> Row(params object?[] values) => [.. values];
}
