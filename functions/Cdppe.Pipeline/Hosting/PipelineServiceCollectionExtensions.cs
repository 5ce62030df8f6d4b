using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Notifications;
using Cdppe.Pipeline.Recovery;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Reporting.Texts;
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
        services.AddOptions<LeaseOptions>()
            .Validate(o => o.Data.IsValid && o.Consolidation.IsValid, "Lease durations must be 15 to 60 seconds (the blob service's range) and waits not negative.")
            .ValidateOnStart();

        // Storage: the clients, then one store per table or container.
        services.AddSingleton(sp => CdppeStorage.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<DepartementLock>();
        services.AddSingleton<IngestionStore>();
        services.AddSingleton<DatasetStore>();
        services.AddSingleton<BudgetLineStore>();
        services.AddSingleton<FicheStore>();
        services.AddSingleton<PlannedFundingStore>();
        services.AddSingleton<ObjectiveStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<IndicatorValueStore>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ConsolidationRunStore>();
        services.AddSingleton<BlobReceiptStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<RejectedStore>();
        services.AddSingleton<IngestionReportStore>();
        services.AddSingleton<ReportFileStore>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<ReportTextStore>();
        services.AddSingleton<ReportVersionStore>();
        services.AddSingleton<StoredFileReader>();
        services.AddSingleton<ContractStore>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<JournalStore>();
        services.AddSingleton<PackageStore>();
        services.AddSingleton<NotificationStore>();

        services.AddSingleton<Contracts.ContractService>();

        // Ingestion: its steps, then the ingestor that runs them.
        services.AddSingleton(new WorkbookParser(SpreadsheetLimits.Default with { MaxRowsPerSheet = maxRowsPerSheet }));
        services.AddSingleton<CrossWorkbookChecks>();
        services.AddSingleton<IngestionChecks>();
        services.AddSingleton<IngestionRecorder>();
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .Validate(o => o.IsValid, "Cdppe:Ingestion:MaxParallelDepartements must be 1 to 64 and Cdppe:Ingestion:TimeBudgetSeconds more than 0 and at most 3600.")
            .ValidateOnStart();
        services.AddSingleton<WorkbookIngestor>();

        services.AddOptions<ConsolidationOptions>()
            .BindConfiguration(ConsolidationOptions.Section)
            .Validate(o => o.IsValid, "Cdppe:Consolidation:MaxParallelDepartements must be 1 to 64.")
            .ValidateOnStart();
        services.AddSingleton<MonthlyConsolidator>();
        services.AddSingleton<ConsolidationPlanner>();
        services.AddSingleton<ConsolidationRunner>();
        services.AddSingleton<IngestionConsolidation>();

        services.AddSingleton<DocxTemplateCache>(_ => new DocxTemplateCache());
        services.AddOptions<ReportRenderOptions>()
            .BindConfiguration(ReportRenderOptions.Section)
            .Validate(o => o.IsValid, "Cdppe:Reports:MaxConcurrentRenders must be 1 to 64, MaxQueuedRenders 0 to 1000, RetryAfterSeconds 1 to 3600.")
            .ValidateOnStart();
        services.AddSingleton<ReportRenderGate>();
        services.AddOptions<PdfConversionOptions>()
            .BindConfiguration(PdfConversionOptions.Section)
            .Validate(o => o.IsValid, "Cdppe:Pdf:TimeoutSeconds must be 1 to 3600, MaxConcurrentConversions 1 to 16, MaxQueuedConversions 0 to 1000, RetryAfterSeconds 1 to 3600, GotenbergUrl an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<PdfConverter>();
        services.AddSingleton<ContractPeriodReader>();
        services.AddSingleton<ReportInputsReader>();
        services.AddSingleton<AnnualReportService>();

        services.AddSingleton<ArchiveRebuilder>();

        // Notifications: the outbox and its sender (a background service where the host runs them).
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<NotificationSender>();
        return services.AddCdppeUseCases();
    }

    /// <summary>
    /// The use cases both surfaces call, one service per operation: the upload, the input workbook, the ingestion
    /// history, consolidation, the report and its template (the contracts: <see cref="Contracts.ContractService"/>).
    /// </summary>
    public static IServiceCollection AddCdppeUseCases(this IServiceCollection services)
    {
        services.AddSingleton<UploadSignal>();
        services.AddSingleton<WorkbookUploads>();
        services.AddSingleton<InputWorkbooks>();
        services.AddSingleton<IngestionHistory>();
        services.AddSingleton<ConsolidationService>();
        services.AddSingleton<ReportDownloads>();
        services.AddSingleton<ReportVersions>();
        services.AddSingleton<ReportTexts>();
        services.AddSingleton<ReportTemplates>();
        services.AddSingleton<TableauDeBordExport>();
        services.AddSingleton<RapportFinancierExport>();
        services.AddSingleton<AnnexeExport>();
        services.AddSingleton<DepartementSummaryStore>();
        services.AddSingleton<DepartementSummaries>();
        services.AddSingleton<NationalWorkbookExport>();
        services.AddSingleton<ReportPdf>();

        // The campaign with the State: the journal, the package parts (one more part, one more line), the service.
        services.AddSingleton<ActivityJournal>();
        services.AddSingleton<IPackagePart, ReportPackagePart>();
        services.AddSingleton<IPackagePart, WorkbooksPackagePart>();
        services.AddSingleton<CampaignService>();
        return services;
    }
}
