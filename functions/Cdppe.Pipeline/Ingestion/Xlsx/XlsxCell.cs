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

/// <summary>One cell as stored in the workbook: its text or number, its display format and whether it came from a merge.</summary>
public sealed record XlsxCell(int Row, int Column, XlsxCellKind Kind, string? Text, double? Number, string? NumberFormat, bool IsDate, bool HasFormula, bool FromMerge = false)
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

/// <summary>A row of a sheet: its 1-based index and its non-empty cells, by column.</summary>
public sealed class XlsxRow(int index, IReadOnlyDictionary<int, XlsxCell> cells)
{
    public int Index { get; } = index;

    public IReadOnlyDictionary<int, XlsxCell> Cells { get; } = cells;

    public XlsxCell Get(int column) => Cells.TryGetValue(column, out var cell)
        ? cell
        : new XlsxCell(Index, column, XlsxCellKind.Empty, null, null, null, false, false);

    public bool IsBlank => Cells.Values.All(c => c.IsEmpty);

    public IEnumerable<XlsxCell> NonEmpty => Cells.Values.Where(c => !c.IsEmpty).OrderBy(c => c.Column);
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
