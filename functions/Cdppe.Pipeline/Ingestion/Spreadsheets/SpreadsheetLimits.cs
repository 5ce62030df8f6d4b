using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>Bounds checked before and while a workbook is read, so that a hostile file cannot exhaust the host.</summary>
public sealed record SpreadsheetLimits
{
    public int MaxZipEntries { get; init; } = 2_000;

    public long MaxUncompressedBytes { get; init; } = 400L * 1024 * 1024;

    /// <summary>Largest accepted uncompressed/compressed ratio for one entry (spreadsheet XML is usually 5-30).</summary>
    public double MaxCompressionRatio { get; init; } = 250;

    public long MaxCharactersInPart { get; init; } = 300L * 1024 * 1024;

    public int MaxRowsPerSheet { get; init; } = 500_000;

    public int MaxColumns { get; init; } = 512;

    /// <summary>Cells one opened workbook may hand out, every sheet and every copy of a repeated row or merged cell counted (<see cref="CellBudget"/>).</summary>
    public long MaxCells { get; init; } = 5_000_000;

    /// <summary>Characters of text those cells may hold in total, each copy counted.</summary>
    public long MaxCellCharacters { get; init; } = 50_000_000;

    /// <summary>Merged ranges per sheet (every row read is compared with them).</summary>
    public int MaxMergedRanges { get; init; } = 10_000;

    /// <summary>Nesting depth, elements, size and time every XML part is checked against before it is read (<see cref="XlsxPartCheck"/>).</summary>
    public XmlPartLimits Xml { get; init; } = XmlPartLimits.Default;

    /// <summary>
    /// Cancelled when the reading of the file must stop (its time budget spent, or the host stopping): checked for
    /// every row a reader goes through, returned or not.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    public static SpreadsheetLimits Default { get; } = new();
}
