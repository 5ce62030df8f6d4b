namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>
/// The merged ranges that cross the current row, for a reader going down a sheet: ranges enter when the row reaches
/// their first row and leave after their last, so a row costs the ranges it crosses, not every range of the sheet
/// (all rows together cost at most the merged cells, which <see cref="MergedRangeCheck"/> bounds). A row above the
/// previous one starts again from the top.
/// </summary>
public sealed class MergeWindow(IEnumerable<(int R1, int C1, int R2, int C2)> merges)
{
    private readonly List<(int R1, int C1, int R2, int C2)> sorted = [.. merges.OrderBy(m => m.R1)];
    private readonly List<(int R1, int C1, int R2, int C2)> active = [];
    private int next;
    private int row;

    /// <summary>The ranges crossing <paramref name="rowIndex"/> (the same list, updated at each call).</summary>
    public List<(int R1, int C1, int R2, int C2)> At(int rowIndex)
    {
        if (rowIndex < row)
        {
            active.Clear();
            next = 0;
        }

        row = rowIndex;
        while (next < sorted.Count && sorted[next].R1 <= rowIndex)
        {
            active.Add(sorted[next++]);
        }

        active.RemoveAll(m => m.R2 < rowIndex);
        return active;
    }
}
