namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>The filling of merged ranges shared by the readers of every format.</summary>
public static class MergeFill
{
    /// <summary>Gives the empty cells of a row inside a merged range the value of the range's top-left cell (every format).</summary>
    public static void Apply(int rowIndex, Dictionary<int, SheetCell> cells, List<(int R1, int C1, int R2, int C2)> merges, Dictionary<(int Row, int Col), SheetCell> anchors)
    {
        foreach (var (r1, c1, r2, c2) in merges)
        {
            if (rowIndex < r1 || rowIndex > r2)
            {
                continue;
            }

            if (rowIndex == r1 && cells.TryGetValue(c1, out var anchor))
            {
                anchors[(r1, c1)] = anchor;
            }

            if (!anchors.TryGetValue((r1, c1), out var value))
            {
                continue;
            }

            for (var col = c1; col <= c2; col++)
            {
                if ((rowIndex != r1 || col != c1) && (!cells.TryGetValue(col, out var existing) || existing.IsEmpty))
                {
                    cells[col] = value with { Row = rowIndex, Column = col, FromMerge = true };
                }
            }
        }
    }
}
