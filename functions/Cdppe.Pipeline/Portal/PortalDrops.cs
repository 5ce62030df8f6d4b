using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>A file dropped from the portal: its ingestion id (the SHA-256 of its bytes) and where it was written.</summary>
public sealed record DropReceipt(string Id, string FileName, string Blob);

/// <summary>Why a drop was refused before anything was written (French, for users).</summary>
public sealed class DropRefusedException : Exception
{
    public DropRefusedException()
        : base("Le fichier a été refusé.")
    {
    }

    public DropRefusedException(string message)
        : base(message)
    {
    }

    public DropRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Drops from the portal: the same blob the API and Storage Explorer write (<c>uploads/{département}/{file}</c>), so
/// the same ingestion follows. Name, size and type (a zip package, as .xlsx, .xlsm and .ods are, or an OLE2 file, as .xls is) are checked before the body
/// is stored; the id returned lets the page follow the file until its ingestion record appears.
/// </summary>
public sealed class PortalDrops(UploadStore uploads)
{
    public static IReadOnlyList<string> AcceptedContentTypes { get; } =
    [
        InputTemplates.ContentType,
        "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-excel",
        SpreadsheetFormats.OdsMimeType,
        "application/octet-stream",
    ];

    /// <summary>The French reason a drop is refused from what is known before reading its body, or null when it may be read.</summary>
    public static string? CheckBeforeReading(Departement departement, string? fileName, long? length, string? contentType, long maxBytes = WorkbookIngestor.MaxUploadBytes)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "Le nom du fichier est manquant.";
        }

        if (UploadPath.TryParse($"{departement.Code}/{fileName}", out var pathError) is null)
        {
            return pathError;
        }

        if (length is null)
        {
            return "La taille du fichier n'est pas annoncée (en-tête Content-Length) : le dépôt est refusé.";
        }

        if (length == 0)
        {
            return $"Le fichier « {fileName} » est vide.";
        }

        if (length > maxBytes)
        {
            return $"Le fichier « {fileName} » fait {FrenchFormat.Number(length.Value / (1024m * 1024m), 1)} Mo : la limite est de {maxBytes / (1024 * 1024)} Mo.";
        }

        var type = contentType?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(type) || AcceptedContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Le fichier « {fileName} » n'est pas un classeur (type {type}). {SpreadsheetFormats.AcceptedMessage}";
    }

    /// <summary>
    /// Bytes read and written at a time: the memory one drop holds, whatever length it announces (100 MB announced
    /// and never sent cost this much, not 100 MB).
    /// </summary>
    public const int BlockBytes = UploadStore.BlockBytes;

    /// <summary>
    /// Reads exactly <paramref name="length"/> bytes (as announced) in blocks of at most <see cref="BlockBytes"/>,
    /// checks the signature in the first block before anything is written, stages each block of the blob, hashes as
    /// it goes, and commits the blob at the end: until then nothing is visible in <c>uploads/</c>, so a drop cut
    /// short leaves nothing to ingest (its staged blocks, uncommitted, are discarded by the storage service).
    /// </summary>
    public async Task<DropReceipt> DropAsync(Departement departement, string fileName, Stream body, long length, CancellationToken cancellationToken = default)
    {
        var blobName = $"{departement.Code}/{fileName}";
        // Block ids of this drop only: two drops of the same name at once never mix their blocks.
        var drop = Guid.NewGuid().ToString("N");
        var blocks = new List<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, BlockBytes));
        try
        {
            for (long total = 0; total < length;)
            {
                var want = (int)Math.Min(Math.Min(buffer.Length, BlockBytes), length - total);
                var filled = 0;
                while (filled < want)
                {
                    var n = await body.ReadAsync(buffer.AsMemory(filled, want - filled), cancellationToken);
                    if (n == 0)
                    {
                        throw new DropRefusedException($"Le fichier « {fileName} » est arrivé incomplet ({total + filled} octets sur {length}) : déposez-le à nouveau.");
                    }

                    filled += n;
                    if (total == 0 && filled >= SpreadsheetFormats.SignatureLength && filled - n < SpreadsheetFormats.SignatureLength && !SpreadsheetFormats.StartsLikeAWorkbook(buffer))
                    {
                        throw NotAWorkbook(fileName);
                    }
                }

                if (total == 0 && filled < SpreadsheetFormats.SignatureLength)
                {
                    throw NotAWorkbook(fileName);
                }

                hash.AppendData(buffer, 0, filled);
                var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{drop}-{blocks.Count:D6}"));
                using (var block = new MemoryStream(buffer, 0, filled, writable: false))
                {
                    await uploads.StageBlockAsync(blobName, id, block, cancellationToken);
                }

                blocks.Add(id);
                total += filled;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var path = await uploads.CommitBlocksAsync(blobName, blocks, cancellationToken);
        return new DropReceipt(Convert.ToHexStringLower(hash.GetHashAndReset()), fileName, path);
    }

    private static DropRefusedException NotAWorkbook(string fileName) =>
        new($"Le fichier « {fileName} » n'a pas le contenu d'un classeur. {SpreadsheetFormats.AcceptedMessage}");
}
