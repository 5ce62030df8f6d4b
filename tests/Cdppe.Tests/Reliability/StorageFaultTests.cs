using Azure;
using Azure.Data.Tables;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Moq;

namespace Cdppe.Tests.Reliability;

/// <summary>Storage faults at every write step of an ingestion: retried, never half visible, converging to the clean result.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string, int> WriteSteps() => new()
    {
        { "archive", "PUT", 500 },
        { "archive", "PUT", 503 },
        { "archive", "PUT", 0 },
        { "$batch", "POST", 500 },
        { "$batch", "POST", 503 },
        { "$batch", "POST", 0 },
        { "Datasets", "PUT", 500 },
        { "Datasets", "PUT", 503 },
        { "ingestion-reports", "PUT", 500 },
        { "Ingestions", "GET", 503 },
        { "Ingestions", "PUT", 503 },
        { "Ingestions", "PUT", 0 },
    };

    public static TheoryData<string, string, int> NonRetriedFaults() => new()
    {
        { "archive", "PUT", 412 },
        { "$batch", "POST", 409 },
        { "$batch", "POST", 412 },
        { "Datasets", "PUT", 409 },
        { "Datasets", "PUT", 412 },
        { "ingestion-reports", "PUT", 409 },
        { "Ingestions", "GET", 412 },
        { "Ingestions", "PUT", 409 },
    };

    [Theory]
    [MemberData(nameof(WriteSteps))]
    public async Task TransientFaultAtAWriteStepIsRetriedAndTheResultIsTheCleanOne(string target, string method, int status)
    {
        var faults = new FaultPolicy();
        var services = new Services(await azurite.FaultyStorageAsync(faults));
        var dep = TestDepartements.Next();
        faults.Arm(FaultPolicy.Request(target, method), status, times: 1);

        var result = await services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());

        Assert.True(faults.Injected == 1, $"fault not injected on {method} {target}");
        Assert.Equal(IngestionStatus.Accepted, result.Status);
        Assert.Equal(SeedData.RapportFinancier2022.Count(r => r.Ligne is "fiche" or "objectif-sans-fiche"), (await new DatasetStore(services.Storage).BudgetLinesAsync(dep.Code, 2022)).Count);
    }

    [Theory]
    [MemberData(nameof(NonRetriedFaults))]
    [MemberData(nameof(WriteSteps))]
    public async Task PersistentFaultLeavesNothingHalfVisibleAndARetryConverges(string target, string method, int status)
    {
        var faults = new FaultPolicy();
        var services = new Services(await azurite.FaultyStorageAsync(faults));
        var dep = TestDepartements.Next();
        var v1 = await services.DropAndIngestAsync(dep.Code, "v1.xlsx", SampleWorkbooks.RapportFinancier2022());
        var before = await services.Reports.LoadAsync(dep, 2022);
        var corrected = SampleWorkbooks.RapportFinancier2022(SeedData.RapportFinancier2022.Select(r => r.Fiche == 1 ? r with { ConsommeEn2022 = 1 } : r));
        await services.Storage.Uploads.GetBlobClient($"{dep.Code}/v2.xlsx").UploadAsync(new BinaryData(corrected), overwrite: true);
        faults.Arm(FaultPolicy.Request(target, method), status);

        var failure = await Record.ExceptionAsync(() => services.Ingestor.IngestAsync($"{dep.Code}/v2.xlsx"));
        faults.Off();

        var datasets = new DatasetStore(services.Storage);
        var accepted = await datasets.AcceptedIngestionsAsync(dep.Code);
        var current = await datasets.CurrentAsync(dep.Code, BudgetLineMapping.Kind, 2022);
        Assert.NotNull(failure);
        Assert.True(faults.Injected > 0);
        Assert.True(failure is RequestFailedException or TaskCanceledException or OperationCanceledException or AggregateException, failure.GetType().Name);
        Assert.Equal([v1.IngestionId!], accepted);
        // Readers see v1 or, if the pointer flipped before the fault, the complete v2: never a mix.
        var lines = await datasets.BudgetLinesAsync(dep.Code, 2022);
        Assert.Equal(before.Engagements.Sum(e => e.Lines.Count), lines.Count);
        Assert.Contains(current, new[] { v1.IngestionId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(corrected)) });

        var retried = await services.Ingestor.IngestAsync($"{dep.Code}/v2.xlsx");

        Assert.Equal(IngestionStatus.Accepted, retried.Status);
        Assert.Equal(1m, (await datasets.BudgetLinesAsync(dep.Code, 2022)).Single(l => l.Fiche == 1).ConsumedInYear);
        Assert.Equal(2, (await datasets.AcceptedIngestionsAsync(dep.Code)).Count);
    }

    [Fact]
    public async Task ConflictFromTheTableClientMockSurfacesAndTheRetryConverges()
    {
        var real = await azurite.StorageAsync();
        var conflictOnce = new Mock<TableClient>(azurite.ConnectionString, TableNames.BudgetLines) { CallBase = true };
        var calls = 0;
        var realBudgetLines = new TableClient(azurite.ConnectionString, TableNames.BudgetLines);
        conflictOnce.Setup(t => t.SubmitTransactionAsync(It.IsAny<IEnumerable<TableTransactionAction>>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<TableTransactionAction> actions, CancellationToken ct) => ++calls == 1
                ? throw new RequestFailedException(409, "Injected conflict", "EntityAlreadyExists", null)
                : realBudgetLines.SubmitTransactionAsync(actions, ct));
        var tables = new Mock<TableServiceClient>(azurite.ConnectionString) { CallBase = true };
        tables.Setup(t => t.GetTableClient(TableNames.BudgetLines)).Returns(conflictOnce.Object);
        var services = new Services(new CdppeStorage(real.Blobs, tables.Object));
        var dep = TestDepartements.Next();

        var first = await Record.ExceptionAsync(() => services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022()));
        var second = await services.Ingestor.IngestAsync($"{dep.Code}/rf.xlsx");

        Assert.Equal(409, Assert.IsType<RequestFailedException>(first).Status);
        Assert.Equal(IngestionStatus.Accepted, second.Status);
        Assert.Equal(SeedData.RapportFinancier2022.Count(r => r.Ligne is "fiche" or "objectif-sans-fiche"), (await new DatasetStore(real).BudgetLinesAsync(dep.Code, 2022)).Count);
    }

    [Fact]
    public async Task ABlobFailingEveryAttemptBecomesPoisonWithAReadableRecord()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var services = new Services(storage, clock);
        var dep = TestDepartements.Next();
        var name = $"{dep.Code}/toujours-en-echec.xlsx";
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()), overwrite: true);
        faults.Arm(m => FaultPolicy.Request("archive", "PUT")(m) && m.Request.Uri.Path.Contains(dep.Code, StringComparison.Ordinal), 500);
        await using var host = RunningApp.Unstarted(storage, clock, new() { ["Cdppe:MaxBlobAttempts"] = "5" });
        var watcher = host.Services.GetRequiredService<BlobWatcher>();

        for (var attempt = 0; attempt < 7; attempt++)
        {
            await watcher.PollOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(2));
        }

        var receipt = await storage.Table(TableNames.BlobReceipts).QueryAsync<BlobReceiptEntity>(r => r.BlobName == name).SingleAsync();
        Assert.Equal(("poison", 5), (receipt.State, receipt.Attempts));
        var record = await storage.Table(TableNames.Ingestions).QueryAsync<IngestionEntity>(r => r.PartitionKey == dep.Code).SingleAsync();
        Assert.Equal("failed", record.Status);
        Assert.StartsWith("Le traitement du fichier a échoué 5 fois", record.Summary, StringComparison.Ordinal);
        Assert.True(await storage.Uploads.GetBlobClient(name).ExistsAsync());
    }
}
