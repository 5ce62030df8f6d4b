using System.IO.Compression;

namespace Cdppe.Pipeline.Ingestion.Spreadsheets;

/// <summary>The zip container of a workbook (.xlsx, .ods) checked before any part is read.</summary>
public static class ZipContainerCheck
{
    /// <summary>Checks a zip container (.xlsx, .ods) against the entry count, size and compression-ratio limits.</summary>
    public static void Check(Stream stream, SpreadsheetLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new WorkbookFormatException($"Le fichier contient {zip.Entries.Count} éléments compressés (limite {limits.MaxZipEntries}) : il est refusé par sécurité.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > 1_000_000 && entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw new WorkbookFormatException($"L'élément « {entry.FullName} » du fichier a un taux de compression anormal ({entry.Length / entry.CompressedLength} pour 1) : il est refusé par sécurité (bombe de décompression).");
                }
            }

            if (total > limits.MaxUncompressedBytes)
            {
                throw new WorkbookFormatException($"Le fichier décompressé ferait {total / (1024 * 1024)} Mo (limite {limits.MaxUncompressedBytes / (1024 * 1024)} Mo) : il est refusé par sécurité.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new WorkbookFormatException(SpreadsheetFormats.NotAWorkbookMessage, inner: ex);
        }
    }
}
