using Azure;

namespace Cdppe.Pipeline.Storage;

/// <summary>Container templates: the Word templates of the reports (<c>templates/{name}</c>), read by the report and replaced from the portal.</summary>
public sealed class TemplateStore(CdppeStorage storage)
{
    /// <summary>The path of a template as sources and messages name it: <c>templates/{name}</c>.</summary>
    public static string PathOf(string name) => $"{ContainerNames.Templates}/{name}";

    /// <summary>The bytes of <c>templates/{name}</c>, or null when there is none.</summary>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await storage.Templates.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores (or replaces) <c>templates/{name}</c>.</summary>
    public async Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken = default) =>
        await storage.Templates.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);

    /// <summary>Removes <c>templates/{name}</c>; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        (await storage.Templates.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
}
