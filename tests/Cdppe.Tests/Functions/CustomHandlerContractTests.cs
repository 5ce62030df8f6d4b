using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

/// <summary>Replays the Functions host's invocation payloads against the handler in custom-handler mode.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomHandlerContractTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostPollsTheRootUntilTheHandlerAnswers()
    {
        await using var app = await RunningApp.StartAsync(azurite, customHandler: true);

        var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BlobTriggerInvocationIngestsTheBlobNamedInMetadata()
    {
        await using var app = await RunningApp.StartAsync(azurite, customHandler: true);
        var dep = TestDepartements.Next();
        var bytes = SampleWorkbooks.RapportFinancier2022();
        await app.Storage.Uploads.GetBlobClient($"{dep.Code}/rf.xlsx").UploadAsync(new BinaryData(bytes), overwrite: true);
        var payload = $$"""
        {
          "Data": { "workbook": "{{Convert.ToBase64String(bytes[..64])}}" },
          "Metadata": {
            "BlobTrigger": "uploads/{{dep.Code}}/rf.xlsx",
            "name": "{{dep.Code}}/rf.xlsx",
            "Uri": "http://127.0.0.1:10000/devstoreaccount1/uploads/{{dep.Code}}/rf.xlsx",
            "Properties": { "Length": {{bytes.Length}} },
            "sys": { "MethodName": "IngestWorkbook", "UtcNow": "2026-11-25T10:00:00Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e" }
          }
        }
        """;

        var response = await app.Client.PostAsync(new Uri("/IngestWorkbook", UriKind.Relative), new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("accepted", json.RootElement.GetProperty("ReturnValue").GetString());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("Logs").ValueKind);
        Assert.NotEqual(0, await app.Storage.Table(TableNames.BudgetLines).QueryAsync<BudgetLineEntity>(e => e.PartitionKey == dep.Code).CountAsync());
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task TimerInvocationAnswersTheInvocationShape(string isPastDue)
    {
        await using var app = await RunningApp.StartAsync(azurite, customHandler: true);
        var payload = $$"""
        {
          "Data": { "timer": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": { "Last": "2026-11-24T03:00:00+00:00", "Next": "2026-11-25T03:00:00+00:00", "LastUpdated": "2026-11-24T03:00:00+00:00" }, "IsPastDue": {{isPastDue}} } },
          "Metadata": { "sys": { "MethodName": "ConsolidateMonthly", "UtcNow": "2026-11-25T03:00:00Z", "RandGuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7" } }
        }
        """;

        var response = await app.Client.PostAsync(new Uri("/ConsolidateMonthly", UriKind.Relative), new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.TryGetProperty("ReturnValue", out _));
        Assert.True(body.TryGetProperty("Logs", out _));
    }

    [Fact]
    public async Task ForwardedHttpRequestKeepsItsApiPathAndKeyCheck()
    {
        await using var app = await RunningApp.StartAsync(azurite, customHandler: true, apiKey: "k-123");

        var missing = await app.Client.GetAsync(new Uri("/api/ingestions?departement=77", UriKind.Relative));
        var wrong = await app.Client.GetAsync(new Uri("/api/ingestions?departement=77&code=k-124", UriKind.Relative));
        var right = await app.Client.GetAsync(new Uri("/api/ingestions?departement=77&code=k-123", UriKind.Relative));
        var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void FunctionJsonRoutesAreAllServed()
    {
        var root = Path.Combine(AppContext.BaseDirectory);
        var routes = Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "function.json"))
            .Where(File.Exists)
            .Select(f => (Folder: Path.GetFileName(Path.GetDirectoryName(f)!), Json: JsonDocument.Parse(File.ReadAllText(f))))
            .ToList();

        Assert.Contains(routes, r => r.Folder == "IngestWorkbook");
        Assert.Contains(routes, r => r.Folder == "ConsolidateMonthly");
        var http = routes.Select(r => r.Json.RootElement.GetProperty("bindings")[0]).Where(b => b.GetProperty("type").GetString() == "httpTrigger").Select(b => b.GetProperty("route").GetString()).ToList();
        Assert.Contains("reports/annual/{year}", http);
        Assert.Contains("templates/{kind}", http);
        Assert.Contains("reports/template", http);
        Assert.Equal(9, http.Count);
        Assert.True(File.Exists(Path.Combine(root, "host.json")));
    }

    [Fact]
    public void TimerScheduleIsTheSameSettingInBothHosts()
    {
        using var function = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ConsolidateMonthly", "function.json")));
        var schedule = function.RootElement.GetProperty("bindings")[0].GetProperty("schedule").GetString();
        var sample = LocalSettings.Read(Path.Combine(AppContext.BaseDirectory, LocalSettings.SampleFileName));

        Assert.Equal($"%{Cdppe.Functions.Standalone.ConsolidationScheduler.ScheduleSetting}%", schedule);
        Assert.Equal(Cdppe.Functions.Standalone.ConsolidationScheduler.DefaultSchedule, sample[Cdppe.Functions.Standalone.ConsolidationScheduler.ScheduleSetting]);
        var next = Cdppe.Functions.Standalone.ConsolidationScheduler.Parse(sample[Cdppe.Functions.Standalone.ConsolidationScheduler.ScheduleSetting]).GetNextOccurrence(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc), next);
    }
}
