using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Container rejected: a refused workbook's copy (<c>{dep}/{id}/{file}</c>), its annotated copy with a comment on each
/// faulty cell (<c>{dep}/{id}/annote-{file}</c>) and its report (<c>{dep}/{id}/rapport.json</c>).
/// </summary>
public sealed class RejectedStore(CdppeStorage storage)
{
    /// <summary>Name of the annotated copy of a rejected workbook, next to it.</summary>
    public const string AnnotatedPrefix = "annote-";

    /// <summary>Keeps the refused bytes and, when there is one, the annotated copy (named <paramref name="annotatedFileName"/>); returns the annotated copy's path.</summary>
    public async Task<string?> KeepAsync(string partition, string id, string fileName, byte[] bytes, byte[]? annotated, string annotatedFileName, CancellationToken cancellationToken = default)
    {
        await storage.Rejected.GetBlobClient($"{partition}/{id}/{fileName}").UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
        if (annotated is null)
        {
            return null;
        }

        var name = $"{partition}/{id}/{AnnotatedPrefix}{annotatedFileName}";
        await storage.Rejected.GetBlobClient(name).UploadAsync(new BinaryData(annotated), overwrite: true, cancellationToken);
        return $"{ContainerNames.Rejected}/{name}";
    }

    public Task KeepReportAsync(IngestionReport report, CancellationToken cancellationToken = default) =>
        storage.Rejected.GetBlobClient($"{report.Departement}/{report.IngestionId}/rapport.json").UploadAsync(BinaryData.FromObjectAsJson(report, IngestionReport.JsonOptions), overwrite: true, cancellationToken);
}
