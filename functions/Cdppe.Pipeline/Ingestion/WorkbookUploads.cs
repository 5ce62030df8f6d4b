using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// The upload of a workbook, whoever sends it: the blob <c>uploads/{département}/{file}</c> that Storage Explorer
/// writes too, so the same ingestion follows. The API streams the body after checking the name and the announced
/// size (<see cref="UploadAsync"/>); the portal's drop (<see cref="DropAsync"/>) also checks the type before the body
/// is read (a zip package, as .xlsx, .xlsm and .ods are, or an OLE2 file, as .xls is) and returns the id that lets
/// the page follow the file until its ingestion record appears.
/// </summary>
public sealed class WorkbookUploads(UploadStore uploads, IngestionStore ingestions, UploadSignal signal)
{
    /// <summary>What the uploader reads once the file is written.</summary>
    public const string DroppedMessage = "Fichier déposé : il sera importé dans quelques secondes.";

    /// <summary>The refusal of a body above <see cref="WorkbookIngestor.MaxUploadBytes"/> whose name is not known.</summary>
    public static readonly string BodyTooLargeMessage = $"Le corps de la requête dépasse la limite de {WorkbookIngestor.MaxUploadBytes / (1024 * 1024)} Mo.";

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
    /// The API's upload: the name and the announced size checked, then the body streamed to the blob as it comes.
    /// </summary>
    public async Task<Outcome<DropReceipt>> UploadAsync(string departement, string fileName, Stream body, long? length, CancellationToken cancellationToken = default)
    {
        var blobName = $"{departement}/{fileName}";
        if (UploadPath.TryParse(blobName, out var error) is not { } path)
        {
            return new(Refusal.Invalid, error!);
        }

        if (length is > WorkbookIngestor.MaxUploadBytes)
        {
            return new(Refusal.TooLarge, BodyTooLargeMessage);
        }

        // Written as it arrives, in blocks of BlockBytes: the memory of one upload stays that, whatever its size.
        var written = await uploads.WriteAsync(blobName, body, cancellationToken);
        signal.Notify();
        return new(new DropReceipt(null, fileName, written) { Departement = path.Departement });
    }

    /// <summary>
    /// The portal's drop: refused (<see cref="CheckBeforeReading"/>) before the body is read; then exactly
    /// <paramref name="length"/> bytes read (as announced) in blocks of at most <see cref="BlockBytes"/>, the
    /// signature checked in the first block before anything is written, each block of the blob staged and hashed as
    /// it goes, the blob committed at the end: until then nothing is visible in <c>uploads/</c>, so a drop cut short
    /// leaves nothing to ingest (its staged blocks, uncommitted, are discarded by the storage service).
    /// </summary>
    public async Task<Outcome<DropReceipt>> DropAsync(Departement departement, string? fileName, Stream body, long? length, string? contentType, CancellationToken cancellationToken = default)
    {
        if (CheckBeforeReading(departement, fileName, length, contentType) is { } refused)
        {
            return new(length > WorkbookIngestor.MaxUploadBytes ? Refusal.TooLarge : Refusal.Invalid, refused);
        }

        var blobName = $"{departement.Code}/{fileName}";
        // Block ids of this drop only: two drops of the same name at once never mix their blocks.
        var drop = Guid.NewGuid().ToString("N");
        var blocks = new List<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length!.Value, BlockBytes));
        try
        {
            for (long total = 0; total < length;)
            {
                var want = (int)Math.Min(Math.Min(buffer.Length, BlockBytes), length.Value - total);
                var filled = 0;
                while (filled < want)
                {
                    var n = await body.ReadAsync(buffer.AsMemory(filled, want - filled), cancellationToken);
                    if (n == 0)
                    {
                        return new(Refusal.Invalid, $"Le fichier « {fileName} » est arrivé incomplet ({total + filled} octets sur {length}) : déposez-le à nouveau.");
                    }

                    filled += n;
                    if (total == 0 && filled >= SpreadsheetFormats.SignatureLength && filled - n < SpreadsheetFormats.SignatureLength && !SpreadsheetFormats.StartsLikeAWorkbook(buffer))
                    {
                        return NotAWorkbook(fileName!);
                    }
                }

                if (total == 0 && filled < SpreadsheetFormats.SignatureLength)
                {
                    return NotAWorkbook(fileName!);
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
        signal.Notify();
        var ingestionId = Convert.ToHexStringLower(hash.GetHashAndReset());
        var earlier = await ingestions.FindAsync(departement.Code, ingestionId, cancellationToken) is { Status: IngestionStatus.Accepted or IngestionStatus.Rejected } found
            ? new EarlierDrop(found.FileName, found.ReceivedAt)
            : null;
        return new(new DropReceipt(ingestionId, fileName!, path) { Departement = departement, AlreadyDropped = earlier });
    }

    private static Outcome<DropReceipt> NotAWorkbook(string fileName) =>
        new(Refusal.Invalid, $"Le fichier « {fileName} » n'a pas le contenu d'un classeur. {SpreadsheetFormats.AcceptedMessage}");
}
