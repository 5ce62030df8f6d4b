using Azure.Data.Tables;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdppe.Tests.Reliability;

/// <summary>
/// The host's side of the attack report on the standalone host: large uploads, a blob that takes the host down or
/// hangs, CSV injection, the trigger endpoints and encoded names, and the framework's own error answers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostReliabilityTests(AzuriteFixture azurite)
{
    private const long Limit = 100L * 1024 * 1024;

    // Case 4: uploads above Kestrel's default body limit (30 000 000 bytes) are taken up to MaxUploadBytes; above, a French 413.
    [Fact]
    public async Task UploadsAboveKestrelsDefaultLimitAreStoredAndAboveOneHundredMegabytesAFrench413()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var dep = TestDepartements.Next().Code;
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = app.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        using var large = new HttpRequestMessage(HttpMethod.Put, $"/api/uploads/{dep}/gros.xlsx") { Content = new ZeroContent(31_000_000) };
        var accepted = await client.SendAsync(large);
        using var tooLarge = new HttpRequestMessage(HttpMethod.Put, $"/api/uploads/{dep}/trop-gros.xlsx") { Content = new ZeroContent(Limit + 1) };
        tooLarge.Headers.ExpectContinue = true;
        var refused = await client.SendAsync(tooLarge);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(31_000_000, (await app.Storage.Uploads.GetBlobClient($"{dep}/gros.xlsx").GetPropertiesAsync()).Value.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await ProblemAsync(refused);
        Assert.Equal("Le corps de la requête dépasse la limite de 100 Mo.", problem.Detail);
        Assert.False(await app.Storage.Uploads.GetBlobClient($"{dep}/trop-gros.xlsx").ExistsAsync());
    }

    // Case 5: an attempt that never finished (the process died under it) makes the blob poison: not tried again, even after a restart.
    [Fact]
    public async Task ABlobWhoseAttemptNeverFinishedIsPoisonAndNotTriedAgainAfterARestart()
    {
        var storage = await azurite.StorageAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var dep = TestDepartements.Next().Code;
        var name = $"{dep}/plante-le-service.xlsx";
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()));
        // What a process killed during its first attempt leaves behind: the attempt counted, never closed.
        var receipts = new BlobReceiptStore(storage);
        var receipt = await receipts.GetAsync(name, await ListedETagAsync(storage, name), CancellationToken.None);
        receipt.State = BlobReceiptStore.Name(ReceiptState.Trying);
        receipt.Attempts = 1;
        receipt.UpdatedAt = clock.GetUtcNow() - TimeSpan.FromSeconds(30);
        await receipts.SaveAsync(receipt, CancellationToken.None);

        await using (var restarted = RunningApp.Unstarted(storage, clock))
        {
            await restarted.Services.GetRequiredService<BlobWatcher>().PollOnceAsync(CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using (var restartedAgain = RunningApp.Unstarted(storage, clock))
        {
            await restartedAgain.Services.GetRequiredService<BlobWatcher>().PollOnceAsync(CancellationToken.None);
        }

        var final = await receipts.GetAsync(name, receipt.BlobETag, CancellationToken.None);
        Assert.Equal((ReceiptState.Poison, 1), (BlobReceiptStore.State(final), final.Attempts));
        var record = await storage.Table(TableNames.Ingestions).QueryAsync<TableEntity>(e => e.PartitionKey == dep).SingleAsync();
        Assert.Equal("failed", record.GetString("Status"));
        Assert.Contains("le traitement a été interrompu", record.GetString("Summary"), StringComparison.Ordinal);
        Assert.False(await storage.Archive.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = dep + "/" }).AnyAsync(), "The poison blob was ingested again.");
    }

    // Case 5: the attempt is written before it starts, so that a crash during it is known after the restart.
    [Fact]
    public async Task EachAttemptIsCountedInItsReceiptBeforeTheIngestionReadsTheBlob()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var observer = new BlobReceiptStore(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        var name = $"{dep}/rapport-financier-2022.xlsx";
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()));
        var etag = await ListedETagAsync(storage, name);
        (ReceiptState State, int Attempts)? seen = null;
        faults.Arm(m =>
        {
            if (seen is null && m.Request.Uri.Path.EndsWith("/uploads/" + name, StringComparison.Ordinal))
            {
                var receipt = observer.GetAsync(name, etag, CancellationToken.None).GetAwaiter().GetResult();
                seen = (BlobReceiptStore.State(receipt), receipt.Attempts);
            }

            return false;
        }, 500);
        await using var host = RunningApp.Unstarted(storage, TimeProvider.System);

        await host.Services.GetRequiredService<BlobWatcher>().PollOnceAsync(CancellationToken.None);

        Assert.Equal((ReceiptState.Trying, 1), seen);
        var done = await observer.GetAsync(name, etag, CancellationToken.None);
        Assert.Equal((ReceiptState.Done, 1), (BlobReceiptStore.State(done), done.Attempts));
    }

    // Case 5: an attempt that runs past the attempt timeout is poison at once, not retried.
    [Fact]
    public async Task AnIngestionThatHangsPastTheTimeoutIsPoisonAtOnce()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var dep = TestDepartements.Next().Code;
        var name = $"{dep}/interminable.xlsx";
        await storage.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()));
        using var release = new ManualResetEventSlim();
        // The ingestion's first write (the archive) blocks until the test ends.
        faults.Arm(m => FaultPolicy.Request("archive", "PUT")(m) && m.Request.Uri.Path.Contains($"/{dep}/", StringComparison.Ordinal) && !release.Wait(TimeSpan.FromSeconds(60)), 500);
        await using var host = RunningApp.Unstarted(storage, TimeProvider.System, new() { ["Cdppe:BlobAttemptTimeoutSeconds"] = "2" });
        var watcher = host.Services.GetRequiredService<BlobWatcher>();

        try
        {
            await watcher.PollOnceAsync(CancellationToken.None);
            await watcher.PollOnceAsync(CancellationToken.None);
        }
        finally
        {
            release.Set();
        }

        var receipt = await new BlobReceiptStore(storage).GetAsync(name, await ListedETagAsync(storage, name), CancellationToken.None);
        Assert.Equal((ReceiptState.Poison, 1), (BlobReceiptStore.State(receipt), receipt.Attempts));
        var record = await storage.Table(TableNames.Ingestions).QueryAsync<TableEntity>(e => e.PartitionKey == dep).SingleAsync();
        Assert.Contains("le traitement a duré plus de 2 s", record.GetString("Summary"), StringComparison.Ordinal);
    }

    // Case 6: CSV cells that a spreadsheet would run as formulas are written with a leading apostrophe.
    [Fact]
    public void SnapshotCsvNeutralisesCellsThatStartLikeAFormula()
    {
        string[] labels = ["=HYPERLINK(\"http://exemple.invalid\",\"clic\")", "+1+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+2", "\r=1+2", "Taux d'IP évaluées"];
        var rows = labels.Select((label, i) => new StoredSnapshot($"C{i}", label, new YearMonth(2022, 6), -5.5m, false, null, null, null, SnapshotStatus.Late, false, null, 1));

        var text = Encoding.UTF8.GetString(SnapshotCsv.Write(rows)[3..]);

        Assert.Contains("C0;\"'=HYPERLINK(\"\"http://exemple.invalid\"\",\"\"clic\"\")\";2022-06;-5,5;nombre;", text, StringComparison.Ordinal);
        Assert.Contains("C1;'+1+1+cmd|' /C calc'!A0;", text, StringComparison.Ordinal);
        Assert.Contains("C2;'-2+3;", text, StringComparison.Ordinal);
        Assert.Contains("C3;'@SUM(A1:A2);", text, StringComparison.Ordinal);
        Assert.Contains("C4;'\t=1+2;", text, StringComparison.Ordinal);
        Assert.Contains("C5;\"'\r=1+2\";", text, StringComparison.Ordinal);
        Assert.Contains("C6;Taux d'IP évaluées;2022-06;-5,5;nombre;;en retard;non;;1;", text, StringComparison.Ordinal);
    }

    // Case 7: the trigger endpoints of the old host are gone, and encoded separators never move an upload to another département.
    [Fact]
    public async Task NoTriggerIsReachableFromOutsideAndEncodedSeparatorsNeverReachAnotherDepartement()
    {
        var keys = new Dictionary<string, string?> { ["Cdppe:Keys:dep:Key"] = "key-scoped", ["Cdppe:Keys:dep:Departements"] = "77" };
        await using var app = await RunningApp.StartAsync(azurite, settings: keys);
        var payload = """{ "Data": {}, "Metadata": { "name": "77/../93/x.xlsx" } }""";

        foreach (var path in new[] { "/IngestWorkbook", "/ConsolidateMonthly", "/api/IngestWorkbook", "/api/ConsolidateMonthly", "/runtime/webhooks/blobs" })
        {
            var response = await app.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(payload, Encoding.UTF8, "application/json"));
            // A one-segment path is a portal page name (GET only): POST answers 405 there, 404 elsewhere.
            var expected = path.Count(c => c == '/') == 1 ? (HttpStatusCode.MethodNotAllowed, "Méthode non autorisée") : (HttpStatusCode.NotFound, "Introuvable");
            Assert.True(response.StatusCode == expected.Item1, $"POST {path} answered {response.StatusCode}");
            Assert.Equal(expected.Item2, (await ProblemAsync(response)).Title);
        }

        using var encoded = new HttpRequestMessage(HttpMethod.Put, "/api/uploads/77/..%2F93%2Fx.xlsx") { Content = new ByteArrayContent(SampleWorkbooks.RapportFinancier2022()) };
        encoded.Headers.Add("x-functions-key", "key-scoped");
        var refused = await app.Client.SendAsync(encoded);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Le chemin du fichier déposé contient des caractères encodés", (await ProblemAsync(refused)).Detail, StringComparison.Ordinal);
        Assert.False(await app.Storage.Uploads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "77/.." }).AnyAsync());

        // The same name written straight into the container is refused by the ingestion, recorded under no département.
        var dropped = "77/..%2F93%2Fdepose.xlsx";
        await app.Storage.Uploads.GetBlobClient(dropped).UploadAsync(new BinaryData(SampleWorkbooks.RapportFinancier2022()), overwrite: true);
        var result = await new Services(app.Storage).Ingestor.IngestAsync(dropped);
        Assert.Equal(Pipeline.Model.IngestionStatus.Rejected, result.Status);
        Assert.Equal(Pipeline.Ingestion.WorkbookIngestor.UnknownPartition, result.Partition);
        Assert.False(await app.Storage.Table(TableNames.Ingestions).QueryAsync<TableEntity>(e => e.GetString("BlobName") == dropped && (e.PartitionKey == "93" || e.PartitionKey == "77")).AnyAsync());
    }

    // Case 10: every error answer, the framework's and Kestrel's own included, is a French problem detail, never empty.
    [Fact]
    public async Task EveryErrorOfTheFrameworkIsAFrenchProblemAndHeadAnswers()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        var uri = app.Client.BaseAddress!;

        var notFound = await app.Client.GetAsync(new Uri("/api/nulle-part", UriKind.Relative));
        var wrongMethod = await app.Client.DeleteAsync(new Uri("/api/health", UriKind.Relative));
        var longUri = await app.Client.GetAsync(new Uri("/api/health?x=" + new string('a', 10_000), UriKind.Relative));
        using var bigHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        bigHeaders.Headers.Add("X-Grand", new string('a', 40_000));
        var tooLargeHeaders = await app.Client.SendAsync(bigHeaders);
        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"));

        Assert.Equal(("Introuvable", 404), await TitleAndStatusAsync(notFound));
        Assert.Equal(("Méthode non autorisée", 405), await TitleAndStatusAsync(wrongMethod));
        Assert.Equal(("Adresse trop longue", 414), await TitleAndStatusAsync(longUri));
        Assert.Equal(("En-têtes trop volumineux", 431), await TitleAndStatusAsync(tooLargeHeaders));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        var malformed = await RawAsync(uri, "GARBAGE\r\n\r\n", TimeSpan.Zero);
        Assert.StartsWith("HTTP/1.1 400 ", malformed, StringComparison.Ordinal);
        Assert.Contains("\"detail\":\"La requête est mal formée : elle n'a pas pu être lue.\"", malformed, StringComparison.Ordinal);

        // A body that arrives too slowly (10 bytes of 1 000, then nothing): Kestrel's minimum data rate ends it with a 408.
        var slow = await RawAsync(uri, "PUT /api/uploads/77/lent.xlsx HTTP/1.1\r\nHost: x\r\nx-functions-key: test-key\r\nContent-Length: 1000\r\n\r\n0123456789", TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 408 ", slow, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Délai dépassé\"", slow, StringComparison.Ordinal);
    }

    // Case 10: an exception inside a function is a French 500 that says nothing of the exception.
    [Fact]
    public async Task AFailingFunctionAnswersAFrench500WithoutItsException()
    {
        var dead = new StorageConnection("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteProcess.DevKey + ";BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;");
        await using var app = await RunningApp.StartAsync(dead, ensureStorage: false);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");

        var response = await app.Client.GetAsync(new Uri("/api/consolidations?departement=77", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Erreur interne", problem.Title);
        Assert.StartsWith("Une erreur interne est survenue", problem.Detail, StringComparison.Ordinal);
    }

    // Issue 11: the département busy (its lease held) is a French 409, not a 500.
    [Fact]
    public async Task AConsolidationOfABusyDepartementIsAFrench409()
    {
        var faults = new FaultPolicy();
        var storage = await azurite.FaultyStorageAsync(faults);
        var dep = TestDepartements.Next();
        await using var app = await RunningApp.StartAsync(azurite, services: s =>
        {
            s.AddSingleton(storage);
            s.Configure<LeaseOptions>(o => o.Consolidation = o.Consolidation with { Wait = TimeSpan.Zero });
        });
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        // Someone else holds the consolidation lease of the département.
        faults.Arm(m => m.Request.Uri.Query.Contains("comp=lease", StringComparison.Ordinal) && m.Request.Uri.Path.EndsWith("-" + dep.Code, StringComparison.Ordinal), 409);

        var response = await app.Client.PostAsync(new Uri($"/api/consolidations?departement={dep.Code}&month=2022-06", UriKind.Relative), null);
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"Une consolidation du département {dep.Code} est déjà en cours ; réessayez dans quelques minutes.", problem.Detail);
    }

    private static async Task<string> ListedETagAsync(CdppeStorage storage, string name) =>
        (await storage.Uploads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = name }).SingleAsync()).Properties.ETag!.Value.ToString();

    private static async Task<(string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = json.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return (json.RootElement.GetProperty("title").GetString(), detail);
    }

    private static async Task<(string? Title, int Status)> TitleAndStatusAsync(HttpResponseMessage response)
    {
        var (title, _) = await ProblemAsync(response);
        return (title, (int)response.StatusCode);
    }

    /// <summary>Sends raw bytes on a new connection and reads the answer until the server closes it.</summary>
    private static async Task<string> RawAsync(Uri server, string request, TimeSpan readTimeout)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(readTimeout == TimeSpan.Zero ? TimeSpan.FromSeconds(30) : readTimeout);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
