using Azure;
using Azure.Storage.Blobs.Models;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Container packages: the packages transmitted to the State, <c>packages/{département}/{year}/{id}.zip</c>. A package
/// is written once (<c>If-None-Match: *</c>) and this store has no way to rewrite or delete one: what was transmitted
/// is downloaded byte for byte afterwards.
/// </summary>
public sealed class PackageStore(CdppeStorage storage)
{
    public static string NameOf(string departement, int year, string id) => $"{departement}/{year}/{id}.zip";

    /// <summary>Writes a new package; throws when one of that name exists already (ids are never reused).</summary>
    public async Task WriteOnceAsync(string departement, int year, string id, byte[] content, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
        };
        await storage.Packages.GetBlobClient(NameOf(departement, year, id)).UploadAsync(new BinaryData(content), options, cancellationToken);
    }

    /// <summary>The bytes of a package, or null when there is none.</summary>
    public async Task<byte[]?> ReadAsync(string departement, int year, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await storage.Packages.GetBlobClient(NameOf(departement, year, id)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
