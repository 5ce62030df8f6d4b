using System.Security.Cryptography;
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
public sealed class WorkbookUploads(CdppeStorage storage)
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

        await storage.Uploads.GetBlobClient(blobName).UploadAsync(body, overwrite: true, cancellationToken);
        return new(new DropReceipt(null, fileName, $"{ContainerNames.Uploads}/{blobName}") { Departement = path.Departement });
    }

    /// <summary>
    /// The portal's drop: refused (<see cref="CheckBeforeReading"/>) before the body is read; then at most
    /// <paramref name="length"/> bytes read (as announced), the signature checked, the blob written.
    /// </summary>
    public async Task<Outcome<DropReceipt>> DropAsync(Departement departement, string? fileName, Stream body, long? length, string? contentType, CancellationToken cancellationToken = default)
    {
        if (CheckBeforeReading(departement, fileName, length, contentType) is { } refused)
        {
            return new(length > WorkbookIngestor.MaxUploadBytes ? Refusal.TooLarge : Refusal.Invalid, refused);
        }

        var bytes = new byte[length!.Value];
        var read = 0;
        while (read < length)
        {
            var n = await body.ReadAsync(bytes.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return new(Refusal.Invalid, $"Le fichier « {fileName} » est arrivé incomplet ({read} octets sur {length}) : déposez-le à nouveau.");
            }

            read += n;
            if (read >= SpreadsheetFormats.SignatureLength && read - n < SpreadsheetFormats.SignatureLength && !SpreadsheetFormats.StartsLikeAWorkbook(bytes))
            {
                return NotAWorkbook(fileName!);
            }
        }

        if (length < SpreadsheetFormats.SignatureLength)
        {
            return NotAWorkbook(fileName!);
        }

        var blobName = $"{departement.Code}/{fileName}";
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
        return new(new DropReceipt(Convert.ToHexStringLower(SHA256.HashData(bytes)), fileName!, $"{ContainerNames.Uploads}/{blobName}") { Departement = departement });
    }

    private static Outcome<DropReceipt> NotAWorkbook(string fileName) =>
        new(Refusal.Invalid, $"Le fichier « {fileName} » n'a pas le contenu d'un classeur. {SpreadsheetFormats.AcceptedMessage}");
}
