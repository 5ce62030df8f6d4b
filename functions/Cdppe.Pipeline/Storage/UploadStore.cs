using System.Security.Cryptography;
using Azure;

namespace Cdppe.Pipeline.Storage;

/// <summary>Container uploads: where workbooks are dropped (<c>uploads/{dep}/{file}</c>); never deleted by the pipeline.</summary>
public sealed class UploadStore(CdppeStorage storage)
{
    /// <summary>The size of an upload, or null when it is not there (any more).</summary>
    public async Task<long?> SizeAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await storage.Uploads.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]> ReadAsync(string blobName, long size, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream((int)size);
        await storage.Uploads.GetBlobClient(blobName).DownloadToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The SHA-256 of an upload's bytes (its ingestion id), streamed; null when it is not there.</summary>
    public async Task<string?> HashAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var stream = await storage.Uploads.GetBlobClient(blobName).OpenReadAsync(cancellationToken: cancellationToken);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
