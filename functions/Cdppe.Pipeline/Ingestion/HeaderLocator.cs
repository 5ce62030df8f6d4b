using System.Globalization;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Finds a header on any of the first rows, possibly spread over up to three rows (multi-row, merged headers):
/// the block of rows that recognises the most columns wins (a title row above the header does not). A row of bare
/// years right under the header ("2020 2021 2022" under "Niveau cible") belongs to the header.
/// </summary>
public static class HeaderLocator
{
    public const int RowsScanned = 20;

    public static HeaderMap? Locate(IReadOnlyList<SheetRow> rows, IReadOnlyList<ColumnSpec> specs)
    {
        HeaderMap? best = null;
        var bestCount = 0;
        var bestStart = 0;
        var bestEnd = 0;
        for (var start = 0; start < Math.Min(rows.Count, RowsScanned); start++)
        {
            for (var depth = 1; depth <= 3 && start + depth <= rows.Count; depth++)
            {
                var texts = new Dictionary<int, string>();
                foreach (var row in rows.Skip(start).Take(depth))
                {
                    foreach (var cell in row.Cells.Where(c => c.Kind == SheetCellKind.Text && !c.IsEmpty && !c.FromMerge))
                    {
                        var text = TextNormalizer.Normalize(cell.Text);
                        texts[cell.Column] = texts.TryGetValue(cell.Column, out var previous) && previous != text ? previous + " " + text : text;
                    }
                }

                var columns = Assign(texts, specs);
                var end = start + depth - 1;

                // More columns wins; with as many, a block that only drops leading rows (a title) of the best one wins.
                if (specs.Where(s => s.Required).All(s => columns.ContainsKey(s.Field))
                    && (columns.Count > bestCount || (best is not null && columns.Count == bestCount && start > bestStart && end <= bestEnd)))
                {
                    bestEnd = end;
                    best = new HeaderMap(rows[start + depth - 1].Index, columns, texts);
                    bestCount = columns.Count;
                    bestStart = start;
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        var last = rows.Select((r, i) => (r, i)).First(x => x.r.Index == best.LastHeaderRow).i;
        var assigned = best.Columns.Values.ToHashSet();
        for (var extra = 0; extra < 2 && last + 1 < rows.Count && IsSubHeaderRow(rows[last + 1], assigned); extra++)
        {
            last++;
        }

        var block = rows.Skip(bestStart).Take(last - bestStart + 1).ToList();
        var own = block.SelectMany(r => r.Cells).Where(c => !c.IsEmpty && !c.FromMerge).GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Row).ToList());
        return best with
        {
            LastHeaderRow = rows[last].Index,
            FirstHeaderRow = rows[bestStart].Index,
            FullTexts = FullTexts(block),
            BottomTexts = block[^1].NonEmpty.ToDictionary(c => c.Column, c => TextNormalizer.Normalize(c.Display)),
            RawTexts = own.ToDictionary(o => o.Key, o => string.Join(" ", o.Value.Select(c => c.Display.Trim()))),
            AnchorRows = own.ToDictionary(o => o.Key, o => o.Value[0].Row),
            Titles = rows.Take(bestStart).SelectMany(r => r.NonEmpty).Where(c => !c.FromMerge).Select(c => TextNormalizer.Normalize(c.Display)).ToList(),
        };
    }

    /// <summary>A year written in a header cell, as text ("2021") or as a number.</summary>
    public static int? YearOf(SheetCell cell)
    {
        if (cell.Kind == SheetCellKind.Number && cell.Number is { } n && n == Math.Floor(n) && n is >= Years.First and <= Years.Last && !cell.IsDate)
        {
            return (int)n;
        }

        return cell.Kind == SheetCellKind.Text && int.TryParse(cell.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && Years.IsPlausible(y) ? y : null;
    }

    /// <summary>
    /// A row under the header that completes it: years ("2020 2021 2022") and labels under group headers
    /// ("Total masse salariale", "Montant FIR"), nothing but years in the columns the header already names (a data row
    /// always has its fiche number or label there), and no number other than a year.
    /// </summary>
    private static bool IsSubHeaderRow(SheetRow row, HashSet<int> assigned)
    {
        var own = row.NonEmpty.Where(c => !c.FromMerge).ToList();
        return own.Count > 0
            && own.All(c => YearOf(c) is not null || !assigned.Contains(c.Column) && c.Kind == SheetCellKind.Text && CellValueParser.ParseText(c.Text).Status == ValueStatus.Text)
            && own.Any(c => YearOf(c) is not null);
    }

    /// <summary>Per column: every header row's text top to bottom, merged cells included, group labels carried over year columns.</summary>
    private static Dictionary<int, string> FullTexts(IReadOnlyList<SheetRow> block)
    {
        var bottom = block[^1];
        var columns = block.SelectMany(r => r.Cells.Select(c => c.Column)).Distinct().Order().ToList();
        var parts = columns.ToDictionary(c => c, _ => new List<string>());
        foreach (var row in block)
        {
            string? carried = null;
            foreach (var column in columns)
            {
                var cell = row.Get(column);
                var text = cell.IsEmpty ? null : TextNormalizer.Normalize(cell.Display);
                if (text is not null)
                {
                    carried = text;
                }
                else if (row != bottom && carried is not null && YearOf(bottom.Get(column)) is not null)
                {
                    text = carried;
                }
                else
                {
                    carried = null;
                }

                if (text is not null && (parts[column].Count == 0 || parts[column][^1] != text))
                {
                    parts[column].Add(text);
                }
            }
        }

        return parts.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => string.Join(' ', p.Value));
    }

    private static Dictionary<string, int> Assign(Dictionary<int, string> texts, IReadOnlyList<ColumnSpec> specs)
    {
        var columns = new Dictionary<string, int>();
        foreach (var (column, text) in texts.OrderBy(t => t.Key))
        {
            var spec = specs.FirstOrDefault(s => !columns.ContainsKey(s.Field) && s.Matches(text));
            if (spec is not null)
            {
                columns[spec.Field] = column;
            }
        }

        return columns;
    }
}
