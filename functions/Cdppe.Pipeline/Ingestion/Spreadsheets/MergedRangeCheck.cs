using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>
/// The merged ranges of one sheet, checked as they are read and before any cell is filled from them: each is clipped
/// to the sheet limits (rows per sheet, columns; a range starting beyond them is dropped), there are at most
/// <see cref="SpreadsheetLimits.MaxMergedRanges"/> of them, and together they cover at most <see cref="SpreadsheetLimits.MaxCells"/>
/// cells, so that a range of 512 columns × 2³¹ rows is refused at once instead of being filled row after row.
/// </summary>
public sealed class MergedRangeCheck(string sheet, SpreadsheetLimits limits)
{
    private int count;
    private long area;

    /// <summary>The range (1-based, bounds in any order) clipped to the sheet limits, or null when it starts beyond them.</summary>
    public (int R1, int C1, int R2, int C2)? Clip(long r1, long c1, long r2, long c2)
    {
        (r1, r2) = (Math.Min(r1, r2), Math.Max(r1, r2));
        (c1, c2) = (Math.Min(c1, c2), Math.Max(c1, c2));
        if (r1 < 1 || c1 < 1 || r1 > limits.MaxRowsPerSheet || c1 > limits.MaxColumns)
        {
            return null;
        }

        r2 = Math.Min(r2, limits.MaxRowsPerSheet);
        c2 = Math.Min(c2, limits.MaxColumns);
        if (++count > limits.MaxMergedRanges)
        {
            throw new WorkbookFormatException($"La feuille « {sheet} » contient plus de {XmlPartLimits.Number(limits.MaxMergedRanges)} plages de cellules fusionnées (limite par feuille) : elle est refusée par sécurité.", sheet);
        }

        area += (r2 - r1 + 1) * (c2 - c1 + 1);
        if (area > limits.MaxCells)
        {
            var range = $"{CellReference.Format((int)c1, (int)r1)}:{CellReference.Format((int)c2, (int)r2)}";
            throw new WorkbookFormatException($"Les cellules fusionnées de la feuille « {sheet} » (jusqu'à {range}) couvrent plus de {XmlPartLimits.Number(limits.MaxCells)} cellules (limite de lecture par fichier) : le classeur est refusé par sécurité.", sheet, CellReference.Format((int)c1, (int)r1));
        }

        return ((int)r1, (int)c1, (int)r2, (int)c2);
    }
}
