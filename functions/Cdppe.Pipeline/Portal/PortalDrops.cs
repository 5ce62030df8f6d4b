using System.Security.Cryptography;
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

    /// <summary>Reads at most <paramref name="length"/> bytes (as announced), checks the zip signature, writes the blob.</summary>
    public async Task<DropReceipt> DropAsync(Departement departement, string fileName, Stream body, long length, CancellationToken cancellationToken = default)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await body.ReadAsync(bytes.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                throw new DropRefusedException($"Le fichier « {fileName} » est arrivé incomplet ({read} octets sur {length}) : déposez-le à nouveau.");
            }

            read += n;
            if (read >= SpreadsheetFormats.SignatureLength && read - n < SpreadsheetFormats.SignatureLength && !SpreadsheetFormats.StartsLikeAWorkbook(bytes))
            {
                throw NotAWorkbook(fileName);
            }
        }

        if (length < SpreadsheetFormats.SignatureLength)
        {
            throw NotAWorkbook(fileName);
        }

        var blobName = $"{departement.Code}/{fileName}";
        var path = await uploads.WriteAsync(blobName, new MemoryStream(bytes, writable: false), cancellationToken);
        return new DropReceipt(Convert.ToHexStringLower(SHA256.HashData(bytes)), fileName, path);
    }

    private static DropRefusedException NotAWorkbook(string fileName) =>
        new($"Le fichier « {fileName} » n'a pas le contenu d'un classeur. {SpreadsheetFormats.AcceptedMessage}");
}
