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

    /// <summary>Drops bytes into uploads/{departement}/{file} and ingests them, as the blob trigger would.</summary>
    public async Task<IngestionResult> DropAndIngestAsync(string departement, string file, byte[] bytes)
    {
        var name = $"{departement}/{file}";
        await Storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        return await Ingestor.IngestAsync(name);
    }
}
