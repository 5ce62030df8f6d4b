using Azure;
using Azure.Data.Tables;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Moq;

namespace Cdppe.Tests.Reliability;

/// <summary>Storage faults at every write step of an ingestion: retried, never half visible, converging to the clean result.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    /// <summary>The steps: the archive, the rows (a batch on BudgetLines), the reports, the data lock, the record reads and the commit (a batch on Ingestions).</summary>
    public static TheoryData<string, string, int> WriteSteps() => new()
    {
        { "archive", "PUT", 500 },
        { "archive", "PUT", 503 },
        { "archive", "PUT", 0 },
        { "$batch:BudgetLines", "POST", 500 },
        { "$batch:BudgetLines", "POST", 503 },
        { "$batch:BudgetLines", "POST", 0 },
        { "ingestion-reports", "PUT", 500 },
        { "locks", "PUT", 503 },
        { "Ingestions", "GET", 503 },
        { "$batch:Ingestions", "POST", 500 },
        { "$batch:Ingestions", "POST", 503 },
        { "$batch:Ingestions", "POST", 0 },
    };

    public static TheoryData<string, string, int> NonRetriedFaults() => new()
    {
        { "archive", "PUT", 412 },
        { "$batch:BudgetLines", "POST", 409 },
        { "$batch:BudgetLines", "POST", 412 },
        { "ingestion-reports", "PUT", 409 },
        { "Ingestions", "GET", 412 },
        { "$batch:Ingestions", "POST", 409 },
        { "$batch:Ingestions", "POST", 412 },
    };

    private static Func<Azure.Core.HttpMessage, bool> Step(string target, string method) =>
        target.StartsWith("$batch:", StringComparison.Ordinal) ? FaultPolicy.Batch(target["$batch:".Length..]) : FaultPolicy.Request(target, method);

    private static int BudgetLineCount => SeedData.RapportFinancier2022.Count(r => r.Ligne is "fiche" or "objectif-sans-fiche");

    [Theory]
    [MemberData(nameof(WriteSteps))]
    public async Task TransientFaultAtAWriteStepIsRetriedAndTheResultIsTheCleanOne(string target, string method, int status)
    {
        var faults = new FaultPolicy();
        var services = new Services(await azurite.FaultyStorageAsync(faults));
        var dep = TestDepartements.Next();
        faults.Arm(Step(target, method), status, times: 1);

        var result = await services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());

        Assert.True(faults.Injected == 1, $"fault not injected on {method} {target}");
        Assert.Equal(IngestionStatus.Accepted, result.Status);
        Assert.Equal(BudgetLineCount, (await services.Get<BudgetLineStore>().CurrentAsync(await services.HeadAsync(dep.Code), 2022)).Count);
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
        faults.Arm(Step(target, method), status);

        var failure = await Record.ExceptionAsync(() => services.Ingestor.IngestAsync($"{dep.Code}/v2.xlsx"));
        faults.Off();

        var ingestions = services.Get<IngestionStore>();
        var budget = services.Get<BudgetLineStore>();
        var head = await services.HeadAsync(dep.Code);
        Assert.NotNull(failure);
        Assert.True(faults.Injected > 0);
        Assert.True(failure is RequestFailedException or TaskCanceledException or OperationCanceledException or AggregateException, failure.GetType().Name);
        var v2 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(corrected));
        Assert.Contains(v1.IngestionId!, await ingestions.AcceptedAsync(dep.Code));
        Assert.DoesNotContain(v2, await ingestions.AcceptedAsync(dep.Code));
        // Readers still see v1, whole: nothing of v2 became visible, whichever step failed.
        Assert.Equal(v1.IngestionId, head.Of(DatasetKeys.Budget(2022)));
        Assert.Equal(before.Engagements.Sum(e => e.Lines.Count), (await budget.CurrentAsync(head, 2022)).Count);
        Assert.Equal(before.Engagements.SelectMany(e => e.Lines).Sum(l => l.ConsumedInYear), (await services.Reports.LoadAsync(dep, 2022)).Engagements.SelectMany(e => e.Lines).Sum(l => l.ConsumedInYear));
        Assert.Empty((await ingestions.FindAsync(dep.Code, v1.IngestionId!))!.SupersededBy);

        var retried = await services.Ingestor.IngestAsync($"{dep.Code}/v2.xlsx");

        Assert.Equal(IngestionStatus.Accepted, retried.Status);
        Assert.Equal(1m, (await budget.CurrentAsync(await services.HeadAsync(dep.Code), 2022)).Single(l => l.Fiche == 1).ConsumedInYear);
        Assert.Contains(v2, await ingestions.AcceptedAsync(dep.Code));
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
        Assert.Equal(BudgetLineCount, (await services.Get<BudgetLineStore>().CurrentAsync(await services.HeadAsync(dep.Code), 2022)).Count);
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
        await PollUntilPoisonAsync(services, clock);

        var receipt = await storage.Table(TableNames.BlobReceipts).QueryAsync<BlobReceiptEntity>(r => r.BlobName == name).SingleAsync();
        Assert.Equal(("poison", 5), (receipt.State, receipt.Attempts));
        var record = Assert.Single(await Ingestion.WorkbookIngestorTests.Records(services, dep.Code), r => r.BlobName == name);
        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.StartsWith("Le traitement du fichier a échoué 5 fois", record.Summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, record.ArchivePath);
        Assert.True(await storage.Uploads.GetBlobClient(name).ExistsAsync());
    }

    [Fact]
    public async Task APoisonRecordKeepsTheArchivePathWhenTheFileWasArchived()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var services = new Services(storage, clock);
        var dep = TestDepartements.Next();
        var bytes = SampleWorkbooks.RapportFinancier2022();
        var name = $"{dep.Code}/jamais-valide.xlsx";
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true);
        faults.Arm(FaultPolicy.Batch(TableNames.Ingestions, dep.Code), 500);

        await PollUntilPoisonAsync(services, clock);

        var record = Assert.Single(await Ingestion.WorkbookIngestorTests.Records(services, dep.Code), r => r.BlobName == name);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal((IngestionStatus.Failed, $"archive/{dep.Code}/{sha}.xlsx", sha), (record.Status, record.ArchivePath, record.Sha256));
        Assert.True(await storage.Archive.GetBlobClient($"{dep.Code}/{sha}.xlsx").ExistsAsync());
    }

    /// <summary>Polls like the standalone watcher, the clock moved past each backoff, until the retry budget (5) is spent.</summary>
    private static async Task PollUntilPoisonAsync(Services services, ManualClock clock)
    {
        await using var host = RunningApp.Unstarted(services.Storage, clock, new() { ["Cdppe:MaxBlobAttempts"] = "5" });
        var watcher = host.Services.GetRequiredService<BlobWatcher>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            await watcher.PollOnceAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(2));
        }
    }
}
