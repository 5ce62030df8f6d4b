using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cdppe.Deployment.Tests.Support;
using Xunit.Abstractions;

namespace Cdppe.Deployment.Tests;

/// <summary>The deployment zip that scripts/publish.sh produces, unpacked: its layout, its functions, and the handler it starts.</summary>
public sealed class PublishPackageTests(PublishedPackage package, ITestOutputHelper output) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void HostJsonAndOneFolderPerFunctionSitAtTheZipRoot()
    {
        output.WriteLine($"publish: {package.PublishTime.TotalSeconds:F0} s, zip: {new FileInfo(package.ZipPath).Length / 1024} KiB, {package.Entries.Count} entries");
        Assert.Contains("host.json", package.Entries.Keys);
        var functionFiles = package.Entries.Keys.Where(k => k.EndsWith("/function.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(functionFiles);
        Assert.All(functionFiles, f => Assert.Equal(2, f.Split('/').Length));
        var source = FunctionDefinition.ReadAll(Repository.Path("functions", "Cdppe.Functions")).Select(f => f.Name);
        Assert.Equal(source.Order(StringComparer.Ordinal), FunctionDefinition.ReadAll(package.Unpacked).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(package.Entries.Keys, k => k.StartsWith("local.settings", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultExecutablePathIsAnExecutableLinuxBinaryAtTheRoot()
    {
        var host = package.HostJson;
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        var name = package.ExecutableName;
        Assert.DoesNotContain('/', name);
        var entry = Assert.Contains(name, package.Entries);
        Assert.True((entry.Mode & UnixFileMode.UserExecute) != 0, $"{name} is stored without the executable bit ({entry.Mode}).");
        var header = new byte[4];
        using (var stream = File.OpenRead(Path.Combine(package.Unpacked, name)))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header);
        // Self-contained: the runtime travels with the app (Flex Consumption's custom runtime provides none).
        Assert.Contains("libcoreclr.so", package.Entries.Keys);
        Assert.Contains("Microsoft.AspNetCore.dll", package.Entries.Keys);
    }

    [Fact]
    public void EveryFunctionJsonNamesARouteTheAppMaps()
    {
        var routePrefix = package.HostJson["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var mapped = AppRoutes.Mapped();

        foreach (var function in FunctionDefinition.ReadAll(package.Unpacked))
        {
            if (function.IsHttp)
            {
                Assert.NotEmpty(function.Methods);
                foreach (var method in function.Methods)
                {
                    var pattern = AppRoutes.Normalize($"{routePrefix}/{function.Route}");
                    Assert.True(mapped.Contains((method, pattern)), $"{function.Name}: the host forwards {method} {pattern}, which the app does not map.");
                }
            }
            else
            {
                // Non-HTTP triggers arrive as POST /{FunctionName}.
                Assert.True(mapped.Contains(("POST", AppRoutes.Normalize(function.Name))), $"{function.Name}: the app does not map POST /{function.Name}.");
            }
        }
    }

    [Fact]
    public void EveryApiRouteOfTheAppHasAFunctionJsonSoTheHostForwardsIt()
    {
        var routePrefix = package.HostJson["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var declared = FunctionDefinition.ReadAll(package.Unpacked).Where(f => f.IsHttp)
            .SelectMany(f => f.Methods.Select(m => (m, AppRoutes.Normalize($"{routePrefix}/{f.Route}"))))
            .ToHashSet();

        var apiRoutes = AppRoutes.Mapped().Where(r => r.Pattern.StartsWith("/" + routePrefix + "/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(apiRoutes);
        Assert.All(apiRoutes, r => Assert.True(declared.Contains(r), $"{r.Method} {r.Pattern} is served by the app but no function.json declares it: unreachable in Azure."));
    }

    [Fact]
    public void IngestWorkbookTriggerUsesTheEventGridSourceOnUploads()
    {
        var ingest = Assert.Single(FunctionDefinition.ReadAll(package.Unpacked), f => f.Name == "IngestWorkbook");

        Assert.Equal("blobTrigger", ingest.TriggerType);
        Assert.Equal("EventGrid", ingest.Trigger["source"]?.GetValue<string>());
        Assert.StartsWith("uploads/", ingest.Trigger["path"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AzureWebJobsStorage", ingest.Trigger["connection"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublishedHandlerAnswersTheHostThenServesEveryFunctionRoute()
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(package.Unpacked, package.ExecutableName))
        {
            WorkingDirectory = package.Unpacked,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // A development connection to a port where nothing listens: the handler must start without storage.
        start.Environment["AzureWebJobsStorage"] = DeadStorageConnection(FreePort());
        start.Environment.Remove("Cdppe__ApiKey");
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            var ready = await WaitForRootAsync(client, process, TimeSpan.FromSeconds(30));
            output.WriteLine($"first 200 on GET / after {stopwatch.ElapsedMilliseconds} ms (this machine, under test load)");
            Assert.True(ready, "GET / never answered 200:\n" + log);

            var probes = FunctionDefinition.ReadAll(package.Unpacked).Select(f => ProbeAsync(client, f));
            var results = await Task.WhenAll(probes);
            foreach (var (function, request, status) in results)
            {
                output.WriteLine($"{function,-22} {request,-40} {(int)status}");
            }

            Assert.All(results, r => Assert.True(r.Status is not HttpStatusCode.NotFound and not HttpStatusCode.MethodNotAllowed, $"{r.Function}: {r.Request} answered {(int)r.Status}: the route is not served.\n{log}"));
            Assert.False(process.HasExited, "The handler exited:\n" + log);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static async Task<(string Function, string Request, HttpStatusCode Status)> ProbeAsync(HttpClient client, FunctionDefinition function)
    {
        using var request = function.IsHttp
            ? new HttpRequestMessage(new HttpMethod(function.Methods[0]), "/api/" + FillRouteParameters(function.Route))
            : new HttpRequestMessage(HttpMethod.Post, "/" + function.Name) { Content = new StringContent("""{ "Data": {}, "Metadata": {} }""", Encoding.UTF8, "application/json") };
        if (request.Method == HttpMethod.Put || request.Method == HttpMethod.Post)
        {
            request.Content ??= new ByteArrayContent([]);
        }

        using var response = await client.SendAsync(request);
        return (function.Name, $"{request.Method} {request.RequestUri}", response.StatusCode);
    }

    private static string FillRouteParameters(string route) =>
        string.Join('/', route.Split('/').Select(segment => segment.StartsWith('{') ? "probe" : segment));

    private static async Task<bool> WaitForRootAsync(HttpClient client, Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        return false;
    }

    private static string DeadStorageConnection(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Cdppe.Functions.Standalone.AzuriteProcess.DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
