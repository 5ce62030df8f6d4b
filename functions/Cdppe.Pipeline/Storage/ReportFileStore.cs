namespace Cdppe.Pipeline.Storage;

/// <summary>Container reports: a copy of every generated report.</summary>
public sealed class ReportFileStore(CdppeStorage storage)
{
    /// <summary>Keeps a generated report as <c>reports/{name}</c>; returns its path.</summary>
    public async Task<string> SaveReportAsync(string name, byte[] content, CancellationToken cancellationToken = default)
    {
        await storage.Reports.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        return $"{ContainerNames.Reports}/{name}";
    }
}
