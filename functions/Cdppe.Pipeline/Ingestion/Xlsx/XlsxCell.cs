using System.Globalization;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

public enum XlsxCellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Error,
}

/// <summary>One cell as stored in the workbook: its text or number, its display format and whether it came from a merge. A value type: a row of cells is one array, not an object per cell.</summary>
public readonly record struct XlsxCell(int Row, int Column, XlsxCellKind Kind, string? Text, double? Number, string? NumberFormat, bool IsDate, bool HasFormula, bool FromMerge = false)
{
    public string Reference => CellReference.Format(Column, Row);

    public bool IsEmpty => Kind == XlsxCellKind.Empty || (Kind == XlsxCellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The value as a user would read it, for messages (numbers in invariant form).</summary>
    public string Display => Kind switch
    {
        XlsxCellKind.Number => Number!.Value.ToString("G15", CultureInfo.InvariantCulture),
        XlsxCellKind.Empty => string.Empty,
        _ => Text ?? string.Empty,
    };
}

/// <summary>A row of a sheet: its 1-based index and its non-empty cells, in column order.</summary>
public sealed class XlsxRow
{
    private static readonly XlsxCell[] NoCells = [];

    private readonly XlsxCell[] cells;

    /// <summary>A row of <paramref name="cellsByColumn"/>, whose columns increase strictly (the readers' order); this array is kept, not copied.</summary>
    public XlsxRow(int index, XlsxCell[] cellsByColumn)
    {
        Index = index;
        cells = cellsByColumn;
    }

    /// <summary>A row of these cells by column, in any order.</summary>
    public XlsxRow(int index, IReadOnlyDictionary<int, XlsxCell> cellsByColumn)
        : this(index, InColumnOrder(cellsByColumn))
    {
    }

    public int Index { get; }

    /// <summary>The cells the sheet holds on this row (empty ones included), in column order.</summary>
    public IReadOnlyList<XlsxCell> Cells => cells;

    public XlsxCell Get(int column)
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

        return new XlsxCell(Index, column, XlsxCellKind.Empty, null, null, null, false, false);
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

    public IEnumerable<XlsxCell> NonEmpty => cells.Where(c => !c.IsEmpty);

    private static XlsxCell[] InColumnOrder(IReadOnlyDictionary<int, XlsxCell> cellsByColumn)
    {
        if (cellsByColumn.Count == 0)
        {
            return NoCells;
        }

        var ordered = new XlsxCell[cellsByColumn.Count];
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

public static class CellReference
{
    public static string Format(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }

        return name;
    }

    /// <summary>Parses "B12" into (column 2, row 12); returns false for anything else.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = 0;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }
}
