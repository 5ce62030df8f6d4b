using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Reporting;

public sealed record GeneratedReport(string FileName, byte[] Content, string SavedAs);

/// <summary>Builds the annual rapport d'exécution of a département from storage, and keeps a copy in <c>reports/</c>.</summary>
public sealed class AnnualReportService(CdppeStorage storage, TimeProvider clock, ILogger<AnnualReportService> logger)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-execution-{departement.Code}-{year}.docx");

    /// <summary>Returns null when the département has no data at all for the year.</summary>
    public async Task<GeneratedReport?> GenerateAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var model = await LoadAsync(departement, year, cancellationToken);
        if (!model.HasFinancialData)
        {
            return null;
        }

        var bytes = DocxReportWriter.Write(model);
        var fileName = FileName(departement, year);
        var savedAs = $"{departement.Code}/{fileName}";
        await storage.Reports.GetBlobClient(savedAs).UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken);
        logger.LogInformation("Generated report {FileName} ({Bytes} bytes)", fileName, bytes.Length);
        return new GeneratedReport(fileName, bytes, $"{ContainerNames.Reports}/{savedAs}");
    }

    public async Task<AnnualReportModel> LoadAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var lines = await new DatasetStore(storage).BudgetLinesAsync(departement.Code, year, cancellationToken);
        return AnnualReportModel.Build(departement, year, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), lines);
    }
}
