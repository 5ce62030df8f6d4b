using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Pipeline.Hosting;

/// <summary>The pipeline's services, registered once for every host and for the tests.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Storage, ingestion, consolidation and reporting services on the <c>AzureWebJobsStorage</c> connection.</summary>
    public static IServiceCollection AddCdppePipeline(this IServiceCollection services, int maxRowsPerSheet)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CdppeStorage.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(new WorkbookParser(XlsxLimits.Default with { MaxRowsPerSheet = maxRowsPerSheet }));
        services.AddSingleton<WorkbookIngestor>();
        services.AddSingleton<MonthlyConsolidator>();
        services.AddSingleton<ConsolidationPlanner>();
        services.AddSingleton<ConsolidationRunner>();
        services.AddSingleton<AnnualReportService>();
        services.AddSingleton<ArchiveRebuilder>();
        services.AddSingleton<Contracts.ContractService>();
        return services;
    }
}
