using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// The blob trigger as Azure feeds it: a workbook written to <c>uploads/</c>, then Event Grid's
/// <c>BlobCreated</c> event posted to the host's blob webhook; the host runs <c>IngestWorkbook</c> in the worker.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostBlobTriggerTests(FunctionsHostFixture fixture)
{
    [FunctionsHostFact]
    public async Task AnUploadAnnouncedByEventGridIsIngested()
    {
        var dep = TestDepartements.Next().Code;
        var storage = await fixture.Azurite.StorageAsync();
        var blob = storage.Uploads.GetBlobClient($"{dep}/rapport-financier-2022.xlsx");
        await blob.UploadAsync(new BinaryData(Cdppe.Samples.SampleWorkbooks.RapportFinancier2022()));
        using var host = fixture.Host.Client();

        var delivery = await EventGridEvents.PostAsync(host, [await EventGridEvents.BlobCreatedAsync(blob)]);
        var ingestions = await IngestionsAsync(host, dep, until: list => list.Count == 1);

        Assert.Equal(HttpStatusCode.Accepted, delivery.StatusCode);
        var ingestion = Assert.Single(ingestions);
        Assert.Equal(("rapport-financier-2022.xlsx", "accepted"), (ingestion.GetProperty("fileName").GetString(), ingestion.GetProperty("status").GetString()));
    }

    [FunctionsHostFact]
    public async Task TwentyEventsAtOnceEachDeliveredTwiceGiveEachIngestionExactlyOnce()
    {
        var storage = await fixture.Azurite.StorageAsync();
        var deps = Enumerable.Range(0, 20).Select(_ => TestDepartements.Next().Code).ToList();
        var events = new List<object>();
        foreach (var dep in deps)
        {
            var blob = storage.Uploads.GetBlobClient($"{dep}/rapport-financier-2022.xlsx");
            await blob.UploadAsync(new BinaryData(Cdppe.Samples.SampleWorkbooks.RapportFinancier2022()));
            events.Add(await EventGridEvents.BlobCreatedAsync(blob));
        }

        using var host = fixture.Host.Client();

        // Twenty deliveries of one event at once, and every event delivered a second time (Event Grid delivers at least once).
        var deliveries = await Task.WhenAll(events.Concat(events).Select(e => EventGridEvents.PostAsync(host, [e])));

        Assert.All(deliveries, d => Assert.Equal(HttpStatusCode.Accepted, d.StatusCode));
        foreach (var dep in deps)
        {
            var ingestions = await IngestionsAsync(host, dep, until: list => list.Count > 0);
            Assert.Equal("accepted", Assert.Single(ingestions).GetProperty("status").GetString());
        }

        // The host runs a blob once per delivery: the second run finds the same bytes and records nothing.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var dep in deps)
        {
            Assert.Single(await IngestionsAsync(host, dep, until: _ => true));
        }
    }

    [FunctionsHostFact]
    public async Task AWorkbookFailingEveryAttemptEndsPoisonAndShowsInTheIngestionList()
    {
        var dep = TestDepartements.Next().Code;
        var storage = await fixture.Azurite.StorageAsync();
        var bytes = Cdppe.Samples.SampleWorkbooks.RapportFinancier2022();
        var blob = storage.Uploads.GetBlobClient($"{dep}/rapport-financier-2022.xlsx");
        await blob.UploadAsync(new BinaryData(bytes));

        // Every attempt fails: the ingestion report (written by each attempt before its record) is held by someone else's lease.
        var report = storage.IngestionReports.GetBlobClient($"{dep}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}.json");
        await report.UploadAsync(new BinaryData("{}"u8.ToArray()));
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(report).AcquireAsync(TimeSpan.FromSeconds(-1));
        using var host = fixture.Host.Client();

        await EventGridEvents.PostAsync(host, [await EventGridEvents.BlobCreatedAsync(blob)]);
        var ingestions = await IngestionsAsync(host, dep, until: list => list.Count > 0, timeout: TimeSpan.FromMinutes(4));

        var poison = Assert.Single(ingestions);
        Assert.Equal("failed", poison.GetProperty("status").GetString());
        Assert.StartsWith("Le traitement du fichier a échoué 5 fois ; il reste dans le dépôt", poison.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(await blob.ExistsAsync());
        Assert.InRange(HostOutput.Occurrences(fixture.Host.Output, "Executed 'Functions.IngestWorkbook' (Failed"), 5, int.MaxValue);
    }

    /// <summary>The département's ingestion list through the host, once <paramref name="until"/> holds (polled; at most <paramref name="timeout"/>, 2 minutes by default).</summary>
    private static async Task<IReadOnlyList<JsonElement>> IngestionsAsync(HttpClient host, string dep, Func<IReadOnlyList<JsonElement>, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/ingestions?departement={dep}", UriKind.Relative));
            request.Headers.Add("x-functions-key", FunctionsHostProcess.DefaultKey);
            using var response = await host.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var list = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            if (until(list) || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(250);
        }
    }
}
