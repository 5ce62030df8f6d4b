using System.Globalization;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>One cell as stored in the workbook: its text or number, its display format and whether it came from a merge. A value type: a row of cells is one array, not an object per cell.</summary>
public readonly record struct SheetCell(int Row, int Column, SheetCellKind Kind, string? Text, double? Number, string? NumberFormat, bool IsDate, bool HasFormula, bool FromMerge = false)
{
    public string Reference => CellReference.Format(Column, Row);

    public bool IsEmpty => Kind == SheetCellKind.Empty || (Kind == SheetCellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The value as a user would read it, for messages (numbers in invariant form).</summary>
    public string Display => Kind switch
    {
        SheetCellKind.Number => Number!.Value.ToString("G15", CultureInfo.InvariantCulture),
        SheetCellKind.Empty => string.Empty,
        _ => Text ?? string.Empty,
    };
}
