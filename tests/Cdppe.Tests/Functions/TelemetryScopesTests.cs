using System.Security.Cryptography;
using Cdppe.Pipeline.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Reporting;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Cdppe.Tests.Functions;

/// <summary>
/// The logs of an ingestion, of the consolidation it starts and of a report carry the département and the
/// ingestion or report id as scope properties (custom properties in Application Insights).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryScopesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestionConsolidationAndReportLogsCarryTheirDepartementAndId()
    {
        var storage = await azurite.StorageAsync();
        var capture = new ScopedLogCapture();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddProvider(capture));
        services.AddCdppePipeline(SpreadsheetLimits.Default.MaxRowsPerSheet);
        services.Replace(ServiceDescriptor.Singleton(storage));
        await using var provider = services.BuildServiceProvider();
        var dep = TestDepartements.Next();
        var financial = Cdppe.Samples.SampleWorkbooks.RapportFinancier2022();
        var monthly = Cdppe.Samples.SampleWorkbooks.SuiviMensuel2022();
        await storage.Uploads.GetBlobClient($"{dep.Code}/rapport-financier-2022.xlsx").UploadAsync(new BinaryData(financial));
        await storage.Uploads.GetBlobClient($"{dep.Code}/suivi-mensuel-2022.xlsx").UploadAsync(new BinaryData(monthly));

        await provider.GetRequiredService<WorkbookIngestor>().IngestAsync($"{dep.Code}/rapport-financier-2022.xlsx");
        await provider.GetRequiredService<WorkbookIngestor>().IngestAsync($"{dep.Code}/suivi-mensuel-2022.xlsx");
        await provider.GetRequiredService<AnnualReportService>().GenerateAsync(dep, 2022);

        var ids = new[] { financial, monthly }.Select(b => (object?)Convert.ToHexStringLower(SHA256.HashData(b))).ToList();
        var entries = capture.Entries.ToList();
        var consolidated = entries.Where(e => e.Message.StartsWith($"Consolidated {dep.Code} for ", StringComparison.Ordinal)).ToList();
        var report = Assert.Single(entries, e => e.Message.StartsWith($"Generated report rapport-execution-{dep.Code}-2022.docx", StringComparison.Ordinal));
        Assert.Contains(consolidated, e => Equals(e.Properties["IngestionId"], ids[1]));
        Assert.All(consolidated, e => Assert.Equal((dep.Code, "ingestion"), ((string?)e.Properties["Departement"], (string?)e.Properties["ConsolidationTrigger"])));
        Assert.All(consolidated, e => Assert.Contains(e.Properties["IngestionId"], ids));
        Assert.Equal(dep.Code, report.Properties["Departement"]);
        Assert.Equal($"rapport-execution-{dep.Code}-2022", report.Properties["ReportId"]);
        Assert.All(entries.Where(e => e.Category == typeof(WorkbookIngestor).FullName), e => Assert.Equal(dep.Code, e.Properties["Departement"]));
    }
}
