using System.Text.Json;
using Azure;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Container ingestion-reports: the French report of every ingestion (<c>{dep}/{id}.json</c>) and, for an accepted
/// workbook, its normalised content as stored (<c>{dep}/{id}.data.json</c>), readable after a later drop replaces it.
/// </summary>
public sealed class IngestionReportStore(CdppeStorage storage)
{
    public async Task<string> WriteReportAsync(IngestionReport report, CancellationToken cancellationToken = default) =>
        await WriteAsync($"{report.Departement}/{report.IngestionId}.json", report, cancellationToken);

    public async Task<string> WriteDataAsync(string partition, IngestionData data, CancellationToken cancellationToken = default) =>
        await WriteAsync($"{partition}/{data.IngestionId}.data.json", data, cancellationToken);

    /// <summary>The report of an ingestion, or null when there is none; <see cref="JsonException"/> when it is unreadable.</summary>
    public async Task<IngestionReport?> ReadReportAsync(string partition, string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await storage.IngestionReports.GetBlobClient($"{partition}/{id}.json").DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize<IngestionReport>(content.Value.Content.ToString(), IngestionReport.JsonOptions);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<string> WriteAsync<T>(string name, T value, CancellationToken cancellationToken)
    {
        await storage.IngestionReports.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(value, IngestionReport.JsonOptions), overwrite: true, cancellationToken);
        return $"{ContainerNames.IngestionReports}/{name}";
    }
}
