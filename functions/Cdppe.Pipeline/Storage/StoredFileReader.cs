using Azure;

namespace Cdppe.Pipeline.Storage;

/// <summary>Reads a stored file by the path the ingestion records keep (<c>{container}/{name}</c>: archive, report, data, annotated copy).</summary>
public sealed class StoredFileReader(CdppeStorage storage)
{
    /// <summary>The bytes of the file, or null when the path names no container of the pipeline or the file is absent.</summary>
    public async Task<byte[]?> ReadAsync(string? path, CancellationToken cancellationToken = default)
    {
        var slash = path?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (path is null || slash <= 0 || !ContainerNames.All.Contains(path[..slash]))
        {
            return null;
        }

        try
        {
            var content = await storage.Blobs.GetBlobContainerClient(path[..slash]).GetBlobClient(path[(slash + 1)..]).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
