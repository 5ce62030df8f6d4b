using Azure;
using Azure.Storage.Blobs.Models;

namespace Cdppe.Pipeline.Storage;

/// <summary>Container templates: the Word templates of the reports (<c>templates/{name}</c>), read by the report and replaced from the portal.</summary>
public sealed class TemplateStore(CdppeStorage storage)
{
    /// <summary>The path of a template as sources and messages name it: <c>templates/{name}</c>.</summary>
    public static string PathOf(string name) => $"{ContainerNames.Templates}/{name}";

    /// <summary>
    /// <c>templates/{name}</c>, or null when there is none. Its size is read first: a template larger than
    /// <paramref name="maxBytes"/> is not downloaded (its <see cref="StoredTemplate.Content"/> is null), and the bytes
    /// read are those of the version whose size was checked.
    /// </summary>
    public async Task<StoredTemplate?> ReadAsync(string name, long maxBytes, CancellationToken cancellationToken = default)
    {
        var blob = storage.Templates.GetBlobClient(name);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                if (properties.ContentLength > maxBytes)
                {
                    return new StoredTemplate(null, properties.ContentLength);
                }

                var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } };
                var content = (await blob.DownloadContentAsync(options, cancellationToken)).Value.Content.ToArray();
                return new StoredTemplate(content, content.Length);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 3)
            {
                // Replaced between the size check and the download: check the new version.
            }
        }
    }

    /// <summary>Stores (or replaces) <c>templates/{name}</c>.</summary>
    public async Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken = default) =>
        await storage.Templates.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);

    /// <summary>Removes <c>templates/{name}</c>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        (await storage.Templates.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
}
