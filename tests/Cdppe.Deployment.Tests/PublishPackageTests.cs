using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cdppe.Deployment.Tests.Support;
using Cdppe.Functions.Hosting;
using Cdppe.Functions.Standalone;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Cdppe.Deployment.Tests;

/// <summary>The deployment zip that scripts/publish.sh makes of <c>dotnet publish -c Release</c>, unpacked: its layout, the functions the host will index, and the app it starts.</summary>
public sealed class PublishPackageTests(PublishedPackage package, ITestOutputHelper output) : IClassFixture<PublishedPackage>
{
    /// <summary>What the Functions host must find for each function (literals: the contract with Azure, not read from the code).</summary>
    public static TheoryData<string, string, string, string, string> ExpectedFunctions => new()
    {
        // name, trigger, route or path or schedule, methods, auth level or source
        { "ConsolidateMonthly", "timerTrigger", "%CONSOLIDATION_SCHEDULE%", "", "" },
        { "ExportAnnexe21", "httpTrigger", "api/exports/annexe-2-1/{year}", "GET", "Function" },
        { "ExportRapportFinancier", "httpTrigger", "api/exports/rapport-financier/{year}", "GET", "Function" },
        { "ExportTableauDeBord", "httpTrigger", "api/exports/tableau-de-bord/{year}", "GET", "Function" },
        { "ExportNational", "httpTrigger", "api/exports/national/{year}", "GET", "Function" },
        { "GenerateAnnualReport", "httpTrigger", "api/reports/annual/{year}", "GET", "Function" },
        { "GetInputTemplate", "httpTrigger", "api/templates/{kind}", "GET", "Function" },
        { "GetOpenApiDocument", "httpTrigger", "api/openapi.json", "GET", "Anonymous" },
        { "GetReportTemplate", "httpTrigger", "api/reports/template", "GET", "Function" },
        { "Health", "httpTrigger", "api/health", "GET,HEAD", "Anonymous" },
        { "IngestWorkbook", "blobTrigger", "uploads/{name}", "", "EventGrid" },
        { "ListConsolidations", "httpTrigger", "api/consolidations", "GET", "Function" },
        { "ListContracts", "httpTrigger", "api/contrats", "GET", "Function" },
        { "ListIngestions", "httpTrigger", "api/ingestions", "GET", "Function" },
        { "ListSnapshots", "httpTrigger", "api/snapshots", "GET", "Function" },
        { "ZzNoSuchRoute", "httpTrigger", "{*path}", "GET,HEAD,POST,PUT,DELETE,PATCH,OPTIONS", "Anonymous" },
        { "RecordPoisonUpload", "queueTrigger", "webjobs-blobtrigger-poison", "", "" },
        { "RunConsolidation", "httpTrigger", "api/consolidations", "POST", "Function" },
        { "UploadWorkbook", "httpTrigger", "api/uploads/{departement}/{file}", "PUT", "Function" },
        { "GetCampaign", "httpTrigger", "api/campagnes/{year}", "GET", "Function" },
        { "GetCampaignPackage", "httpTrigger", "api/campagnes/{year}/transmissions/{id}", "GET", "Function" },
        { "GetReportVersion", "httpTrigger", "api/reports/annual/{year}/versions/{id}", "GET", "Function" },
        { "ListReportTexts", "httpTrigger", "api/reports/annual/{year}/textes", "GET", "Function" },
        { "ListReportVersions", "httpTrigger", "api/reports/annual/{year}/versions", "GET", "Function" },
        { "ReviewCampaign", "httpTrigger", "api/campagnes/{year}/revues", "POST", "Function" },
        { "TransmitCampaign", "httpTrigger", "api/campagnes/{year}/transmissions", "POST", "Function" },
        { "UploadReportTexts", "httpTrigger", "api/reports/annual/{year}/textes", "PUT", "Function" },

        // The portal: pages at the root, its calls under api/portal/, anonymous at the host (the app checks the session).
        { "PortalPage", "httpTrigger", "{page?}", "GET", "Anonymous" },
        { "PortalAssetFile", "httpTrigger", "assets/{*path}", "GET", "Anonymous" },
        { "GetPortalSession", "httpTrigger", "api/portal/session", "GET", "Anonymous" },
        { "OpenPortalSession", "httpTrigger", "api/portal/session", "POST", "Anonymous" },
        { "ClosePortalSession", "httpTrigger", "api/portal/session", "DELETE", "Anonymous" },
        { "GetPortalContext", "httpTrigger", "api/portal/context", "GET", "Anonymous" },
        { "GetPortalOverview", "httpTrigger", "api/portal/overview", "GET", "Anonymous" },
        { "ListPortalDrops", "httpTrigger", "api/portal/drops", "GET", "Anonymous" },
        { "DropPortalFile", "httpTrigger", "api/portal/drops", "POST", "Anonymous" },
        { "GetPortalDrop", "httpTrigger", "api/portal/drops/{id}", "GET", "Anonymous" },
        { "GetPortalAnnotatedCopy", "httpTrigger", "api/portal/drops/{id}/annotated", "GET", "Anonymous" },
        { "GetPortalIngestionReport", "httpTrigger", "api/portal/drops/{id}/report", "GET", "Anonymous" },
        { "GetPortalInputTemplate", "httpTrigger", "api/portal/templates/{kind}", "GET", "Anonymous" },
        { "GetPortalIndicators", "httpTrigger", "api/portal/indicators", "GET", "Anonymous" },
        { "GetPortalExport", "httpTrigger", "api/portal/exports/{kind}", "GET", "Anonymous" },
        { "GetPortalIndicatorsCsv", "httpTrigger", "api/portal/indicators/csv", "GET", "Anonymous" },
        { "RunPortalConsolidation", "httpTrigger", "api/portal/consolidations", "POST", "Anonymous" },
        { "GetPortalReport", "httpTrigger", "api/portal/report", "GET", "Anonymous" },
        { "GetPortalReportTemplate", "httpTrigger", "api/portal/report/template", "GET", "Anonymous" },
        { "GetPortalReportTemplateInfo", "httpTrigger", "api/portal/report/template/info", "GET", "Anonymous" },
        { "ReplacePortalReportTemplate", "httpTrigger", "api/portal/report/template", "PUT,DELETE", "Anonymous" },
        { "GetPortalNational", "httpTrigger", "api/portal/national", "GET", "Anonymous" },
        { "GetPortalNationalExport", "httpTrigger", "api/portal/national/classeur", "GET", "Anonymous" },
        { "ExportPortalTable", "httpTrigger", "api/portal/tables/xlsx", "POST", "Anonymous" },
        { "EditPortalReportText", "httpTrigger", "api/portal/report/texts/{place}", "PUT", "Anonymous" },
        { "GetPortalCampaign", "httpTrigger", "api/portal/campagne", "GET", "Anonymous" },
        { "GetPortalCampaignPackage", "httpTrigger", "api/portal/campagne/paquets/{id}", "GET", "Anonymous" },
        { "ListPortalCampaigns", "httpTrigger", "api/portal/campagnes", "GET", "Anonymous" },
        { "PortalReportTexts", "httpTrigger", "api/portal/report/texts", "GET,PUT", "Anonymous" },
        { "ReviewPortalCampaign", "httpTrigger", "api/portal/campagne/revues", "POST", "Anonymous" },
        { "TransmitPortalCampaign", "httpTrigger", "api/portal/campagne/transmissions", "POST", "Anonymous" },
    };

    [Fact]
    public void PackageHasTheIsolatedWorkerLayout()
    {
        output.WriteLine($"publish: {package.PublishTime.TotalSeconds:F0} s, zip: {new FileInfo(package.ZipPath).Length / 1024} KiB, {package.Entries.Count} entries");
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Cdppe.Functions.dll", "Cdppe.Pipeline.dll", ".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs.dll" })
        {
            Assert.Contains(file, package.Entries.Keys);
        }

        Assert.DoesNotContain(package.Entries.Keys, k => k.EndsWith("function.json", StringComparison.Ordinal) || k.StartsWith("local.settings", StringComparison.Ordinal));
        var host = package.HostJson;
        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Null(host["extensionBundle"]);
        Assert.Equal(DeclaredFunction.RoutePrefix, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal(5, host["extensions"]!["blobs"]!["poisonBlobThreshold"]!.GetValue<int>());
    }

    [Fact]
    public void WorkerConfigStartsTheAssemblyOfThePackageWithDotnet()
    {
        var description = package.WorkerConfig["description"]!;
        Assert.Equal("dotnet-isolated", description["language"]!.GetValue<string>());
        Assert.Equal("dotnet", description["defaultExecutablePath"]!.GetValue<string>());
        Assert.Equal("Cdppe.Functions.dll", description["defaultWorkerPath"]!.GetValue<string>());
        Assert.All(package.Json("extensions.json")["extensions"]!.AsArray(), e =>
            Assert.Contains(e!["hintPath"]!.GetValue<string>().Replace("./", string.Empty, StringComparison.Ordinal), package.Entries.Keys));
    }

    [Theory]
    [MemberData(nameof(ExpectedFunctions))]
    public void MetadataDeclaresTheFunctionWithItsTrigger(string name, string trigger, string target, string methods, string level)
    {
        var function = Assert.Single(package.Functions, f => f.Name == name);

        Assert.Equal(trigger, function.TriggerType);
        Assert.Matches($@"^Cdppe\.Functions\.(Api|Portal)\.{name}\.", function.EntryPoint);
        switch (trigger)
        {
            case "httpTrigger":
                Assert.Equal(target, function.Route);
                Assert.Equal(methods.Split(','), function.Methods);
                Assert.Equal(level, function.Property("authLevel"));
                break;
            case "queueTrigger":
                Assert.Equal(target, function.Property("queueName"));
                Assert.Equal("AzureWebJobsStorage", function.Property("connection"));
                break;
            case "blobTrigger":
                Assert.Equal(target, function.Property("path"));
                Assert.Equal(level, function.Property("source"));
                Assert.Equal("AzureWebJobsStorage", function.Property("connection"));
                break;
            default:
                Assert.Equal(target, function.Property("schedule"));
                break;
        }
    }

    [Fact]
    public void MetadataHasNoOtherFunctionThanThoseOfTheApp()
    {
        var expected = ExpectedFunctions.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, package.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expected, FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StandaloneHostServesExactlyTheHttpFunctionsOfTheMetadata()
    {
        var declared = package.Functions.Where(f => f.IsHttp)
            .SelectMany(f => f.Methods.Select(m => $"{m} /{DeclaredFunction.RoutePrefix}{f.Route}"))
            .Order(StringComparer.Ordinal);
        using var app = StandaloneHost.Build([], new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, served);
    }

    [Fact]
    public async Task PublishedAppWithoutHostArgumentsIsTheStandaloneHostAndServesEveryRoute()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cdppe-deploy-azurite-" + Guid.NewGuid().ToString("N"));
        await using var azurite = await AzuriteProcess.StartAsync(folder);
        var port = FreePort();
        using var process = Start([], new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Cdppe__Urls"] = $"http://127.0.0.1:{port}",
            ["Cdppe__ApiKey"] = "deploy-test",
            ["Cdppe__RunScheduler"] = "false",
        }, out var log);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            Assert.True(await WaitForHealthAsync(client, process), "GET /api/health never answered 200:\n" + log);
            foreach (var function in package.Functions.Where(f => f.IsHttp))
            {
                // A catch-all segment gets a file that exists (the portal's stylesheet): any other value is a 404 of the function.
                using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0]), $"/{string.Join('/', function.Route.Split('/').Select(s => s.StartsWith("{*", StringComparison.Ordinal) ? "portal.css" : s.StartsWith('{') ? "probe" : s))}");
                request.Headers.Add("x-functions-key", "deploy-test");
                request.Content = request.Method == HttpMethod.Get ? null : new ByteArrayContent([]);
                using var response = await client.SendAsync(request);
                output.WriteLine($"{function.Name,-22} {request.Method} {request.RequestUri} {(int)response.StatusCode}");
                Assert.True(response.StatusCode is not HttpStatusCode.NotFound and not HttpStatusCode.MethodNotAllowed,
                    $"{function.Name}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: the route is not served.\n{log}");
            }
        }
        finally
        {
            await StopAsync(process);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PublishedAppStartedWithTheHostsArgumentsIsTheWorkerAndDialsTheHost()
    {
        // A stand-in for the Functions host's gRPC endpoint: the worker must connect to it and speak HTTP/2.
        using var fakeHost = new TcpListener(IPAddress.Loopback, 0);
        fakeHost.Start();
        var hostPort = ((IPEndPoint)fakeHost.LocalEndpoint).Port;
        var standalonePort = FreePort();
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        string[] hostArguments =
        [
            "--host", "127.0.0.1", "--port", hostPort.ToString(CultureInfo.InvariantCulture), "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", $"http://127.0.0.1:{hostPort}/", "--functions-worker-id", workerId, "--functions-request-id", requestId, "--functions-grpc-max-message-length", "2147483647",
        ];
        using var process = Start(hostArguments, new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["Cdppe__Urls"] = $"http://127.0.0.1:{standalonePort}",
        }, out var log);
        try
        {
            using var accept = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var connection = await fakeHost.AcceptTcpClientAsync(accept.Token);
            var preface = new byte[24];
            await connection.GetStream().ReadExactlyAsync(preface, accept.Token);

            Assert.Equal("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", Encoding.ASCII.GetString(preface));
            Assert.False(await IsListeningAsync(standalonePort), "The worker also opened the standalone host's port.\n" + log);
        }
        finally
        {
            await StopAsync(process);
        }
    }

    private Process Start(string[] arguments, Dictionary<string, string> environment, out StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = package.Unpacked, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(package.Unpacked, "Cdppe.Functions.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("Cdppe__StartAzurite");
        var process = Process.Start(start)!;
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = lines;
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    private static async Task<bool> WaitForHealthAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
