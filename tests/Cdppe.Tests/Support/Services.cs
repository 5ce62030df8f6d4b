using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdppe.Tests.Support;

/// <summary>The pipeline's services wired on a storage, as the app wires them.</summary>
public sealed class Services(CdppeStorage storage, TimeProvider? clock = null)
{
    public CdppeStorage Storage { get; } = storage;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public WorkbookIngestor Ingestor => new(Storage, new WorkbookParser(), Clock, NullLogger<WorkbookIngestor>.Instance);

    public MonthlyConsolidator Consolidator => new(Storage, Clock, NullLogger<MonthlyConsolidator>.Instance);

    public MonthlyConsolidator ConsolidatorWaiting(TimeSpan leaseWait) => new(Storage, Clock, NullLogger<MonthlyConsolidator>.Instance) { LeaseWait = leaseWait };

    public MonthlyConsolidator ConsolidatorWith(TimeSpan leaseDuration) => new(Storage, Clock, NullLogger<MonthlyConsolidator>.Instance) { LeaseDuration = leaseDuration };

    public ConsolidationPlanner Planner => new(Storage);

    public AnnualReportService Reports => new(Storage, Clock, NullLogger<AnnualReportService>.Instance);

    public Pipeline.Contracts.ContractService Contracts => new(Storage);

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
