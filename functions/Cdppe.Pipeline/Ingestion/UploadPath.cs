using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>A blob name of the <c>uploads</c> container: <c>{departement}/{file}.xlsx</c> (or <c>.xls</c>, <c>.ods</c>).</summary>
public sealed record UploadPath(Departement Departement, string FileName)
{
    public const int MaxLength = 1_024;

    /// <summary>Parses a blob name; on failure returns a French message for the ingestion report.</summary>
    public static UploadPath? TryParse(string blobName, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(blobName) || blobName.Length > MaxLength)
        {
            error = $"Le nom du fichier déposé est vide ou dépasse {MaxLength} caractères.";
            return null;
        }

        if (blobName.Any(char.IsControl) || blobName.Contains('\\', StringComparison.Ordinal))
        {
            error = "Le nom du fichier déposé contient des caractères interdits.";
            return null;
        }

        var segments = blobName.Split('/');
        if (segments.Any(s => s is "." or ".."))
        {
            error = "Le chemin du fichier déposé ne peut pas contenir « . » ou « .. ».";
            return null;
        }

        if (segments.Length != 2 || segments[1].Length == 0)
        {
            error = "Le fichier doit être déposé dans le dossier de son département : uploads/{code département}/{fichier}.xlsx, par exemple uploads/77/rapport-financier-2022.xlsx.";
            return null;
        }

        // A name is judged as it would read once decoded (by a URL, a tool, a later step): encoded separators or
        // dots (77/..%2F93%2Fx.xlsx) must not move it to another folder, so they are refused here, once.
        var decoded = Decoded(blobName);
        if (decoded != blobName && (decoded.Any(char.IsControl) || decoded.Contains('\\', StringComparison.Ordinal)
            || decoded.Split('/') is var decodedSegments && (decodedSegments.Length != segments.Length || decodedSegments.Any(s => s is "" or "." or ".."))))
        {
            error = "Le chemin du fichier déposé contient des caractères encodés (%2F, %2E, %5C…) qui en changent le dossier : déposez-le sous uploads/{code département}/{fichier}.xlsx, sans encodage.";
            return null;
        }

        if (!Departement.TryParse(segments[0], out var departement))
        {
            error = Departement.InvalidMessage(segments[0]) + " Déposez le fichier dans uploads/{code département}/.";
            return null;
        }

        if (!SpreadsheetFormats.Extensions.Any(e => segments[1].EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            error = SpreadsheetFormats.AcceptedMessage;
            return null;
        }

        return new UploadPath(departement.Value, segments[1]);
    }

    /// <summary>The name percent-decoded until it no longer changes (a double encoding is decoded too).</summary>
    private static string Decoded(string name)
    {
        var current = name;
        for (var i = 0; i < 3; i++)
        {
            var next = Uri.UnescapeDataString(current);
            if (next == current)
            {
                break;
            }

            current = next;
        }

        return current;
    }
}
