using System.Collections.Concurrent;
using System.Net;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// Issue 22, fairness: a slow file holds its own département only (départements in parallel, files of one
/// département one at a time in drop order), and a file whose reading outlasts the time budget is refused on its
/// first attempt, with nothing of it visible. Files are held by faults the test releases: the order of events is
/// asserted, never a duration.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestionFairnessTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan EventWait = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ASlowFileOfOneDepartementDoesNotHoldAnotherDepartementsFileAndTheHostStaysHealthy()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        // A is listed first (names in order), so that a watcher taking one file at a time would be held by it.
        var (a, b) = Ordered(TestDepartements.Next().Code, TestDepartements.Next().Code);
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        faults.Arm(m => IsRead(m, $"{a}/lent.xlsx") && Hold(held, release), 500);
        await storage.Uploads.GetBlobClient($"{a}/lent.xlsx").UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()));
        await storage.Uploads.GetBlobClient($"{b}/rapport.xlsx").UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()));
        await using var app = await RunningApp.StartAsync(azurite, watchBlobs: true, services: s => s.AddSingleton(storage));
        var ingestions = app.Services.GetRequiredService<IngestionStore>();

        try
        {
            Assert.True(held.Wait(EventWait), "The file of A was never read.");
            var recordOfB = await WaitForRecordAsync(ingestions, b);

            // B went through while A's file is still being read (held until the release below).
            Assert.False(release.IsSet);
            Assert.Equal(IngestionStatus.Accepted, recordOfB.Status);
            Assert.Empty(await ingestions.ListAsync(a));
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
        }
        finally
        {
            release.Set();
        }

        Assert.Equal(IngestionStatus.Accepted, (await WaitForRecordAsync(ingestions, a)).Status);
    }

    [Fact]
    public async Task TwoFilesOfOneDepartementAreIngestedOneAfterTheOtherInDropOrder()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var ingestions = new IngestionStore(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var first = SampleWorkbooks.SuiviMensuel2022(indicators: 1);
        var firstId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first));
        var events = new ConcurrentQueue<string>();
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        faults.Arm(
            m =>
            {
                if (IsRead(m, $"{dep}/z-premier.xlsx"))
                {
                    events.Enqueue("lecture z-premier");
                    return Hold(held, release);
                }

                if (IsRead(m, $"{dep}/a-second.xlsx"))
                {
                    var firstRecorded = ingestions.FindAsync(dep, firstId).GetAwaiter().GetResult() is not null;
                    events.Enqueue(firstRecorded ? "lecture a-second, z-premier enregistré" : "lecture a-second, z-premier pas encore enregistré");
                }

                return false;
            },
            500);
        // Dropped in the reverse order of their names, in two different seconds (blob times have a one-second resolution).
        await storage.Uploads.GetBlobClient($"{dep}/z-premier.xlsx").UploadAsync(new BinaryData(first));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await storage.Uploads.GetBlobClient($"{dep}/a-second.xlsx").UploadAsync(new BinaryData(SampleWorkbooks.SuiviMensuel2022(indicators: 2)));
        await using var host = RunningApp.Unstarted(storage, TimeProvider.System);
        var receipts = new BlobReceiptStore(storage);

        var poll = host.Services.GetRequiredService<BlobWatcher>().PollOnceAsync(CancellationToken.None);
        try
        {
            Assert.True(held.Wait(EventWait), "The first file was never read.");
            var second = await receipts.GetAsync($"{dep}/a-second.xlsx", await ListedETagAsync(storage, $"{dep}/a-second.xlsx"), CancellationToken.None);
            Assert.Equal((ReceiptState.Pending, 0), (BlobReceiptStore.State(second), second.Attempts));
        }
        finally
        {
            release.Set();
        }

        await poll;

        Assert.Equal(["lecture z-premier", "lecture a-second, z-premier enregistré"], events);
        Assert.Equal([IngestionStatus.Accepted, IngestionStatus.Accepted], (await ingestions.ListAsync(dep)).Select(r => r.Status));
    }

    [Fact]
    public async Task AFileOverTheTimeBudgetIsRefusedOnItsFirstAttemptWithNothingOfItVisible()
    {
        var storage = await azurite.StorageAsync();
        var dep = TestDepartements.Next().Code;
        var name = $"{dep}/interminable.xlsx";
        var bytes = SampleWorkbooks.RapportFinancier2022(sheetName: NeverEnding);
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(bytes));
        await using var app = await RunningApp.StartAsync(
            azurite,
            // Without the budget the attempt would end only at the attempt timeout, poison: the test then fails.
            settings: new() { ["Cdppe:Ingestion:TimeBudgetSeconds"] = "0.5", ["Cdppe:BlobAttemptTimeoutSeconds"] = "60" },
            services: s => s.Replace(ServiceDescriptor.Singleton(new WorkbookParser([NeverEndingParser(), .. WorkbookParser.DefaultParsers()], SpreadsheetLimits.Default))));
        var watcher = app.Services.GetRequiredService<BlobWatcher>();

        // The reading never ends by itself: only the time budget stops it. Later polls do not try the file again.
        await watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));

        var receipt = await new BlobReceiptStore(storage).GetAsync(name, await ListedETagAsync(storage, name), CancellationToken.None);
        Assert.Equal((ReceiptState.Done, 1), (BlobReceiptStore.State(receipt), receipt.Attempts));
        var record = Assert.Single(await app.Services.GetRequiredService<IngestionStore>().ListAsync(dep));
        Assert.Equal((IngestionStatus.Rejected, 1, 0), (record.Status, record.ErrorCount, record.Lines));
        Assert.Equal(
            "Le classeur n'a pas pu être lu en 0,5 seconde (limite de temps par fichier) : il est refusé. Vérifiez qu'il ne contient pas de lignes ou de colonnes répétées en très grand nombre, puis déposez-le à nouveau.",
            record.Summary);
        Assert.Empty((await app.Services.GetRequiredService<IngestionStore>().HeadAsync(dep)).Current);
        Assert.Empty(await app.Services.GetRequiredService<BudgetLineStore>().OfAsync(dep, 2022, record.Id));
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
    }

    private const string NeverEnding = "Interminable";

    /// <summary>The fault: the rapport financier parser, except that a sheet named <see cref="NeverEnding"/> is read over and over, forever.</summary>
    private static ISheetParser NeverEndingParser()
    {
        var real = new RapportFinancierParser();
        var parser = new Mock<ISheetParser>();
        parser.Setup(p => p.Kind).Returns(real.Kind);
        parser.Setup(p => p.Detect(It.IsAny<IReadOnlyList<SheetRow>>())).Returns((IReadOnlyList<SheetRow> head) => real.Detect(head));
        parser.Setup(p => p.Parse(It.IsAny<SheetInput>(), It.IsAny<HeaderMap>(), It.IsAny<WorkbookContent>()))
            .Returns((SheetInput input, HeaderMap header, WorkbookContent content) =>
            {
                while (input.Sheet.Name == NeverEnding)
                {
                    foreach (var row in input.Rows)
                    {
                        GC.KeepAlive(row);
                    }
                }

                return real.Parse(input, header, content);
            });
        return parser.Object;
    }

    /// <summary>The download of an upload's content (not its properties).</summary>
    private static bool IsRead(Azure.Core.HttpMessage message, string name) =>
        message.Request.Method == Azure.Core.RequestMethod.Get && message.Request.Uri.Path.EndsWith("/uploads/" + name, StringComparison.Ordinal);

    /// <summary>Says the request is held, then holds it until the test releases it; never a fault.</summary>
    private static bool Hold(ManualResetEventSlim held, ManualResetEventSlim release)
    {
        held.Set();
        release.Wait(EventWait);
        return false;
    }

    private static (string First, string Second) Ordered(string x, string y) => string.CompareOrdinal(x, y) < 0 ? (x, y) : (y, x);

    /// <summary>Waits for the département's first ingestion record (an event, not a duration: the bound only ends a failed test).</summary>
    private static async Task<IngestionRecord> WaitForRecordAsync(IngestionStore ingestions, string departement)
    {
        for (var deadline = DateTime.UtcNow + EventWait; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await ingestions.ListAsync(departement) is [var record, ..])
            {
                return record;
            }
        }

        throw new TimeoutException($"No ingestion of {departement} was recorded.");
    }

    private static async Task<string> ListedETagAsync(CdppeStorage storage, string name) =>
        (await storage.Uploads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = name }).SingleAsync()).Properties.ETag!.Value.ToString();
}
