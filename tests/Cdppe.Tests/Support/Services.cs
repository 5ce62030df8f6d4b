using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Portal;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdppe.Tests.Support;

/// <summary>The pipeline's services as the app registers them (<see cref="PipelineServiceCollectionExtensions.AddCdppePipeline"/>), on a test storage and clock.</summary>
public sealed class Services
{
    private readonly ServiceProvider provider;

    public Services(CdppeStorage storage, TimeProvider? clock = null, Action<LeaseOptions>? leases = null)
    {
        Storage = storage;
        Clock = clock ?? TimeProvider.System;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCdppePipeline(SpreadsheetLimits.Default.MaxRowsPerSheet);
        services.AddCdppePortal();
        services.Replace(ServiceDescriptor.Singleton(storage));
        services.Replace(ServiceDescriptor.Singleton(Clock));
        if (leases is not null)
        {
            services.Configure(leases);
        }

        provider = services.BuildServiceProvider();
    }

    public CdppeStorage Storage { get; }

    public TimeProvider Clock { get; }

    public WorkbookIngestor Ingestor => Get<WorkbookIngestor>();

    public MonthlyConsolidator Consolidator => Get<MonthlyConsolidator>();

    public ConsolidationPlanner Planner => Get<ConsolidationPlanner>();

    public ConsolidationRunner Runner => Get<ConsolidationRunner>();

    public AnnualReportService Reports => Get<AnnualReportService>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A consolidator that waits at most <paramref name="leaseWait"/> for another run of the same département.</summary>
    public MonthlyConsolidator ConsolidatorWaiting(TimeSpan leaseWait) =>
        new Services(Storage, Clock, o => o.Consolidation = o.Consolidation with { Wait = leaseWait }).Consolidator;

    /// <summary>A consolidator whose lease lasts <paramref name="leaseDuration"/> (a crashed run holds it that long).</summary>
    public MonthlyConsolidator ConsolidatorWith(TimeSpan leaseDuration) =>
        new Services(Storage, Clock, o => o.Consolidation = o.Consolidation with { Duration = leaseDuration }).Consolidator;

    /// <summary>The département's current dataset pointers, as readers see them.</summary>
    public Task<DatasetHead> HeadAsync(string departement) => Get<IngestionStore>().HeadAsync(departement);

    public Pipeline.Contracts.ContractService Contracts => Get<Pipeline.Contracts.ContractService>();

    /// <summary>Drops the seed's plan d'action, tableau de bord and 2022 bilans (fiches, bilans and indicators), as staff would.</summary>
    public async Task DropPlansAsync(string departement)
    {
        await DropAndIngestAsync(departement, "plan-action-2020-2022.xlsx", Samples.SampleWorkbooks.PlanAction());
        await DropAndIngestAsync(departement, "tableau-de-bord-2020.xlsx", Samples.SampleWorkbooks.TableauDeBord());
        await DropAndIngestAsync(departement, "bilans-fiches-2022.xlsx", Samples.SampleWorkbooks.BilansFiches2022());
    }

    /// <summary>Drops bytes into uploads/{departement}/{file} and ingests them, as the blob trigger would.</summary>
    public async Task<IngestionResult> DropAndIngestAsync(string departement, string file, byte[] bytes)
    {
        var name = $"{departement}/{file}";
        await Storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        return await Ingestor.IngestAsync(name);
    }
}
