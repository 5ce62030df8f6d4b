using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>A column a sheet kind expects, recognised from its normalised header text.</summary>
public sealed record ColumnSpec(string Field, Func<string, bool> Matches, bool Required = false);

/// <summary>Where the header of a sheet is and which column holds which field.</summary>
public sealed record HeaderMap(int LastHeaderRow, IReadOnlyDictionary<string, int> Columns, IReadOnlyDictionary<int, string> Texts)
{
    public bool Has(string field) => Columns.ContainsKey(field);

    public int this[string field] => Columns[field];

    public string TextOf(string field) => Columns.TryGetValue(field, out var c) && Texts.TryGetValue(c, out var t) ? t : string.Empty;
}

/// <summary>
/// Finds a header on any of the first rows, possibly spread over up to three rows (multi-row, merged headers):
/// the block of rows that recognises the most columns wins (a title row above the header does not).
/// </summary>
public static class HeaderLocator
{
    public const int RowsScanned = 20;

    public static HeaderMap? Locate(IReadOnlyList<XlsxRow> rows, IReadOnlyList<ColumnSpec> specs)
    {
        HeaderMap? best = null;
        var bestCount = 0;
        for (var start = 0; start < Math.Min(rows.Count, RowsScanned); start++)
        {
            for (var depth = 1; depth <= 3 && start + depth <= rows.Count; depth++)
            {
                var texts = new Dictionary<int, string>();
                foreach (var row in rows.Skip(start).Take(depth))
                {
                    foreach (var cell in row.Cells.Values.Where(c => c.Kind == XlsxCellKind.Text && !c.IsEmpty && !c.FromMerge))
                    {
                        var text = TextNormalizer.Normalize(cell.Text);
                        texts[cell.Column] = texts.TryGetValue(cell.Column, out var previous) && previous != text ? previous + " " + text : text;
                    }
                }

                var columns = Assign(texts, specs);
                if (specs.Where(s => s.Required).All(s => columns.ContainsKey(s.Field)) && columns.Count > bestCount)
                {
                    best = new HeaderMap(rows[start + depth - 1].Index, columns, texts);
                    bestCount = columns.Count;
                }
            }
        }

        return best;
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
