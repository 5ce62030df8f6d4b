using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Cdppe.Pipeline.Storage;

/// <summary>Container uploads: where workbooks are dropped (<c>uploads/{dep}/{file}</c>); never deleted by the pipeline.</summary>
public sealed class UploadStore(CdppeStorage storage)
{
    /// <summary>The path of an upload as records and answers name it: <c>uploads/{dep}/{file}</c>.</summary>
    public static string PathOf(string blobName) => $"{ContainerNames.Uploads}/{blobName}";

    /// <summary>The size of the blocks an upload is written in: what one upload holds in memory, whatever its size.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    private static readonly StorageTransferOptions Blocks = new() { InitialTransferSize = BlockBytes, MaximumTransferSize = BlockBytes, MaximumConcurrency = 1 };

    /// <summary>Drops a workbook (replacing a file of the same name), written as it arrives in blocks of <see cref="BlockBytes"/>; returns its path.</summary>
    public async Task<string> WriteAsync(string blobName, Stream content, CancellationToken cancellationToken = default)
    {
        await storage.Uploads.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { TransferOptions = Blocks }, cancellationToken);
        return PathOf(blobName);
    }

    /// <summary>
    /// Stages one block of an upload written in blocks: nothing is visible in <c>uploads/</c> until
    /// <see cref="CommitBlocksAsync"/>; blocks never committed are discarded by the storage service.
    /// </summary>
    public async Task StageBlockAsync(string blobName, string blockId, Stream block, CancellationToken cancellationToken = default) =>
        await storage.Uploads.GetBlockBlobClient(blobName).StageBlockAsync(blockId, block, cancellationToken: cancellationToken);

    /// <summary>Publishes an upload written in blocks, in the order given; returns its path.</summary>
    public async Task<string> CommitBlocksAsync(string blobName, IEnumerable<string> blockIds, CancellationToken cancellationToken = default)
    {
        await storage.Uploads.GetBlockBlobClient(blobName).CommitBlockListAsync(blockIds, cancellationToken: cancellationToken);
        return PathOf(blobName);
    }

    /// <summary>Every upload, with its version (for the standalone blob trigger).</summary>
    public async IAsyncEnumerable<UploadedBlob> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return new UploadedBlob(blob.Name, blob.Properties.ETag?.ToString() ?? string.Empty, blob.Properties.LastModified);
        }
    }

    /// <summary>The client of one upload, as the Functions blob trigger hands it to the ingestion function.</summary>
    public BlobClient Blob(string blobName) => storage.Uploads.GetBlobClient(blobName);

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
