using System.IO.Compression;
using System.Text;
using Cdppe.Pipeline.Ingestion.Ods;
using Cdppe.Pipeline.Ingestion.Xls;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>The accepted workbook formats, told apart by content (never by the file's extension alone).</summary>
public static class SpreadsheetFormats
{
    public const string OdsMimeType = "application/vnd.oasis.opendocument.spreadsheet";

    /// <summary>The one French sentence naming the accepted formats (file name and content checks).</summary>
    public const string AcceptedMessage = "Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés.";

    public const string NotAWorkbookMessage = "Le fichier n'est pas un classeur Excel ou LibreOffice lisible : ce n'est pas une archive zip valide ni un classeur Excel 97-2003 (fichier tronqué ou d'un autre format ?). " + AcceptedMessage;

    /// <summary>File name endings accepted in <c>uploads/</c>; the content still decides how the file is read.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xlsm", ".xls", ".ods"];

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Opens a workbook of any accepted format, checked against <paramref name="limits"/>.</summary>
    public static ISpreadsheet Open(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        if (stream.Length == 0)
        {
            throw new WorkbookFormatException("Le fichier est vide (0 octet).");
        }

        return Detect(stream) switch
        {
            SpreadsheetFormat.Xlsx => XlsxWorkbook.Open(stream, limits),
            SpreadsheetFormat.Ods => OdsWorkbook.Open(stream, limits),
            SpreadsheetFormat.Xls => XlsWorkbook.Open(stream, limits),
            _ => throw new WorkbookFormatException(NotAWorkbookMessage),
        };
    }

    /// <summary>Bytes to read before <see cref="StartsLikeAWorkbook"/> can tell.</summary>
    public const int SignatureLength = 8;

    /// <summary>Whether the first <see cref="SignatureLength"/> bytes are those of a zip package or of an OLE2 file (the containers of the accepted formats).</summary>
    public static bool StartsLikeAWorkbook(ReadOnlySpan<byte> head) => head.StartsWith(ZipSignature) || head.StartsWith(Ole2Signature);

    /// <summary>The format of a seekable stream from its first bytes (and, for a zip, its <c>mimetype</c> entry); the position is reset to 0.</summary>
    public static SpreadsheetFormat Detect(Stream stream)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The workbook stream must be seekable.", nameof(stream));
        }

        stream.Position = 0;
        var head = new byte[30 + 8 + OdsMimeType.Length];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith(Ole2Signature))
        {
            return SpreadsheetFormat.Xls;
        }

        if (!bytes.StartsWith(ZipSignature))
        {
            return SpreadsheetFormat.Unknown;
        }

        // OpenDocument puts an uncompressed "mimetype" entry first; a zip written otherwise is looked up in its directory.
        var firstIsMimeType = length >= 38 && bytes[8] == 0 && bytes[9] == 0 && bytes[26] == 8 && bytes[27] == 0 && bytes[28] == 0 && bytes[29] == 0
            && bytes.Slice(30, 8).SequenceEqual("mimetype"u8);
        var mimeType = firstIsMimeType ? Encoding.ASCII.GetString(bytes[38..]) : MimeTypeEntry(stream);
        stream.Position = 0;
        return mimeType?.StartsWith(OdsMimeType, StringComparison.Ordinal) == true ? SpreadsheetFormat.Ods : SpreadsheetFormat.Xlsx;
    }

    private static string? MimeTypeEntry(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is not { Length: < 200 } entry)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            // Not a readable zip: the .xlsx reader's container check says so in French.
            return null;
        }
    }
}
