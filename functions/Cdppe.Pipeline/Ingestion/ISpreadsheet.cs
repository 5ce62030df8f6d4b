using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// What the sheet parsers read from a workbook, whatever program saved it (.xlsx, .ods, .xls): its sheets, and each
/// sheet's rows streamed one at a time as <see cref="SheetRow"/> cells (text, number with its display format, date
/// serial, boolean, formula error, cached formula values; merged ranges filled from their top-left cell).
/// </summary>
public interface ISpreadsheet : IDisposable
{
    IReadOnlyList<SpreadsheetSheet> Sheets { get; }

    /// <summary>The file carries macros (never run, only reported).</summary>
    bool HasMacros { get; }

    /// <summary>The date of a date serial of this workbook (<see cref="SheetCell.IsDate"/> cells).</summary>
    DateTime ToDate(double serial);

    /// <summary>Streams the non-empty rows of a sheet in order; only the current row is held in memory.</summary>
    IEnumerable<SheetRow> ReadRows(SpreadsheetSheet sheet);

    /// <summary>The merged ranges of a sheet ("A1:C1"), for a copy of the workbook.</summary>
    IReadOnlyList<string> MergedRanges(SpreadsheetSheet sheet);
}
