using Azure;

namespace Cdppe.Pipeline.Storage;

/// <summary>Containers templates (the Word templates users drop) and reports (a copy of every generated report).</summary>
public sealed class ReportFileStore(CdppeStorage storage)
{
    /// <summary>The bytes of <c>templates/{name}</c>, or null when there is none.</summary>
    public async Task<byte[]?> TemplateAsync(string name, CancellationToken cancellationToken = default)
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

    /// <summary>Keeps a generated report as <c>reports/{name}</c>; returns its path.</summary>
    public async Task<string> SaveReportAsync(string name, byte[] content, CancellationToken cancellationToken = default)
    {
        await storage.Reports.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        return $"{ContainerNames.Reports}/{name}";
    }
}
