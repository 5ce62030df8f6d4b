using Cdppe.Functions.Hosting;
using Cdppe.Functions.Standalone;
using Microsoft.Extensions.Configuration;

namespace Cdppe.Tests.Functions;

/// <summary>Which host runs, and the one definition both hosts read from the functions' attributes.</summary>
public sealed class HostSelectionTests
{
    public static TheoryData<string[]> HostArguments => new()
    {
        // What the Functions host passes today, both argument sets.
        new[] { "--host", "127.0.0.1", "--port", "38457", "--workerId", "2f1c", "--requestId", "9a0b", "--grpcMaxMessageLength", "2147483647", "--functions-uri", "http://127.0.0.1:38457/", "--functions-worker-id", "2f1c", "--functions-request-id", "9a0b", "--functions-grpc-max-message-length", "2147483647" },
        // Only the set the isolated worker reads.
        new[] { "--functions-uri", "http://127.0.0.1:38457/", "--functions-worker-id", "2f1c", "--functions-request-id", "9a0b", "--functions-grpc-max-message-length", "2147483647" },
        // Only the older set.
        new[] { "--host", "127.0.0.1", "--port", "38457", "--workerId", "2f1c", "--requestId", "9a0b", "--grpcMaxMessageLength", "2147483647" },
        // Key=value form.
        new[] { "--functions-worker-id=2f1c" },
    };

    public static TheoryData<string[]> StandaloneArguments => new()
    {
        Array.Empty<string>(),
        new[] { "rebuild", "--departement", "77" },
        new[] { "--urls", "http://127.0.0.1:7072" },
        // --host and --port alone are not a worker's identity.
        new[] { "--host", "127.0.0.1", "--port", "7072" },
    };

    [Theory]
    [MemberData(nameof(HostArguments))]
    public void ArgumentsOfTheFunctionsHostStartTheWorker(string[] args) =>
        Assert.True(FunctionsHostArguments.StartedByFunctionsHost(args));

    [Theory]
    [MemberData(nameof(StandaloneArguments))]
    public void AnythingElseStartsTheStandaloneHost(string[] args) =>
        Assert.False(FunctionsHostArguments.StartedByFunctionsHost(args));

    [Fact]
    public void TheStandaloneSchedulerReadsTheTimersSettingAndRunsInParisTime()
    {
        var sample = LocalSettings.Read(Path.Combine(AppContext.BaseDirectory, LocalSettings.SampleFileName));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sample).Build();

        var next = ConsolidationScheduler.Schedule(configuration).GetNextOccurrence(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), Pipeline.Consolidation.ConsolidationPlanner.Paris);

        Assert.Equal("%CONSOLIDATION_SCHEDULE%", Assert.Single(FunctionCatalog.All, f => f.Timer is not null).Timer!.Schedule);
        Assert.Equal(ConsolidationScheduler.DefaultSchedule, sample["CONSOLIDATION_SCHEDULE"]);
        Assert.Equal("0 0 3 * * *", ConsolidationScheduler.DefaultSchedule);
        // 03:00 in Paris is 02:00 UTC in November.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task SettingsThatWouldFailLaterStopTheHostAtStartAndSayWhich()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Cdppe:Urls"] = "http://127.0.0.1:1",
            ["Cdppe:Keys:corse:Key"] = "k",
            ["Cdppe:Keys:corse:Departements"] = "20",
            ["Cdppe:BlobPollSeconds"] = "0",
        };

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var app = StandaloneHost.CreateBuilder([], settings).AddStandaloneHost().Build();
            await app.StartAsync();
        });

        Assert.Contains("Cdppe:Keys:corse:Departements must list INSEE codes (e.g. 77 or 2A,2B), not '20'.", failure.Failures);
        Assert.Contains("Cdppe:BlobPollSeconds must be positive.", failure.Failures);
    }

    [Fact]
    public void TheBlobWatcherWatchesTheContainerOfTheBlobTriggersPath()
    {
        var blob = Assert.Single(FunctionCatalog.All, f => f.Blob is not null);

        Assert.Equal("IngestWorkbook", blob.Name);
        Assert.Equal("uploads/{name}", blob.Blob!.BlobPath);
        Assert.Equal(Microsoft.Azure.Functions.Worker.BlobTriggerSource.EventGrid, blob.Blob.Source);
    }

    [Fact]
    public void EveryHttpFunctionHasARouteUnderTheHostJsonPrefixAndOnlyHealthAndTheDescriptionAreAnonymous()
    {
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        Assert.Equal(DeclaredFunction.RoutePrefix, hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        // The portal's functions are anonymous at the host by design: the app checks their session (docs/portal.md).
        Assert.Equal(["GetOpenApiDocument", "Health"], Cdppe.Functions.OpenApi.ApiDescription.Described.Where(f => f.IsAnonymous).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(FunctionCatalog.Http, f => Assert.NotNull(f.Http!.Route));
    }
}
