namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>A row of a sheet: its 1-based index and its non-empty cells, in column order.</summary>
public sealed class SheetRow
{
    private static readonly SheetCell[] NoCells = [];

    private readonly SheetCell[] cells;

    /// <summary>A row of <paramref name="cellsByColumn"/>, whose columns increase strictly (the readers' order); this array is kept, not copied.</summary>
    public SheetRow(int index, SheetCell[] cellsByColumn)
    {
        Index = index;
        cells = cellsByColumn;
    }

    /// <summary>A row of these cells by column, in any order.</summary>
    public SheetRow(int index, IReadOnlyDictionary<int, SheetCell> cellsByColumn)
        : this(index, InColumnOrder(cellsByColumn))
    {
    }

    public int Index { get; }

    /// <summary>The cells the sheet holds on this row (empty ones included), in column order.</summary>
    public IReadOnlyList<SheetCell> Cells => cells;

    public SheetCell Get(int column)
    {
        var lo = 0;
        var hi = cells.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var at = cells[mid].Column;
            if (at == column)
            {
                return cells[mid];
            }

            if (at < column)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return new SheetCell(Index, column, SheetCellKind.Empty, null, null, null, false, false);
    }

    public bool IsBlank
    {
        get
        {
            foreach (var cell in cells)
            {
                if (!cell.IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public IEnumerable<SheetCell> NonEmpty => cells.Where(c => !c.IsEmpty);

    private static SheetCell[] InColumnOrder(IReadOnlyDictionary<int, SheetCell> cellsByColumn)
    {
        if (cellsByColumn.Count == 0)
        {
            return NoCells;
        }

        var ordered = new SheetCell[cellsByColumn.Count];
        var i = 0;
        var sorted = true;
        foreach (var (column, cell) in cellsByColumn)
        {
            sorted &= i == 0 || ordered[i - 1].Column < column;
            ordered[i++] = cell.Column == column ? cell : cell with { Column = column };
        }

        if (!sorted)
        {
            Array.Sort(ordered, (a, b) => a.Column.CompareTo(b.Column));
        }

        return ordered;
    }
}
