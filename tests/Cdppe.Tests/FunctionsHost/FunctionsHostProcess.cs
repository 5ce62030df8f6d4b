using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// One Azure Functions host running the published app (<see cref="PublishedApp"/>) on a free loopback port, with its
/// keys in a temporary secrets folder (the files the host reads with <c>AzureWebJobsSecretStorageType=files</c>): the
/// master key, the <c>default</c> function key and any named function keys the test asks for. App settings are
/// environment variables of the host, as they are app settings in Azure. When it stops, what the host and the
/// worker wrote is left in the temporary folder as <c>cdppe-functions-host-PORT.log</c>, for diagnosis.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    public const string MasterKey = "cle-maitre-hote-de-test";

    public const string DefaultKey = "cle-fonction-hote-de-test";

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly string secrets;

    private FunctionsHostProcess(Process process, StringBuilder output, string secrets, int port, TimeSpan startToFirst200)
    {
        this.process = process;
        this.output = output;
        this.secrets = secrets;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        StartToFirst200 = startToFirst200;
    }

    public Uri BaseAddress { get; }

    /// <summary>From the host's process start to its first 200 on <c>GET /api/health</c> (the worker started, storage checked).</summary>
    public TimeSpan StartToFirst200 { get; }

    /// <summary>What the host and the worker wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>A client to the host with no key (add <c>x-functions-key</c> or <c>code</c> per request).</summary>
    public HttpClient Client(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };

    public static async Task<FunctionsHostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? functionKeys = null)
    {
        var app = await PublishedApp.FolderAsync();
        var port = FreePort();
        var secrets = Path.Combine(Path.GetTempPath(), "cdppe-host-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(secrets);
        WriteSecrets(secrets, functionKeys ?? new Dictionary<string, string>());

        var start = Command(app, port, connectionString, secrets);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["FUNCTIONS_MASTER_KEY"] = MasterKey;
        start.Environment["FUNCTIONS_DEFAULT_KEY"] = DefaultKey;
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["AzureWebJobsSecretStorageType"] = "files";
        start.Environment["FUNCTIONS_SECRETS_PATH"] = secrets;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The Functions host did not start.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new FunctionsHostProcess(process, output, secrets, port, TimeSpan.Zero);
        try
        {
            using var client = host.Client();
            client.Timeout = TimeSpan.FromSeconds(10);
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Functions host stopped (exit code {process.ExitCode}):\n{host.Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The Functions host did not answer 200 on /api/health within 4 minutes:\n{host.Output}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return new FunctionsHostProcess(process, output, secrets, port, clock.Elapsed);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // The host accepted the connection but is still starting the worker.
                }

                await Task.Delay(200);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"cdppe-functions-host-{BaseAddress.Port}.log"), Output);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(secrets, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary folder.
        }
    }

    /// <summary>The <c>run</c> script of <see cref="FunctionsHostInstall.RunScript"/>, else Core Tools' <c>func host start</c> in the app's folder.</summary>
    private static ProcessStartInfo Command(string app, int port, string connectionString, string secrets)
    {
        if (FunctionsHostInstall.RunScript is { } run)
        {
            var start = new ProcessStartInfo("bash");
            foreach (var argument in new[] { run, app, port.ToString(System.Globalization.CultureInfo.InvariantCulture), connectionString, secrets })
            {
                start.ArgumentList.Add(argument);
            }

            return start;
        }

        var func = FunctionsHostInstall.Func ?? throw new InvalidOperationException(FunctionsHostInstall.HowToGetOne);
        var core = new ProcessStartInfo(func) { WorkingDirectory = app };
        foreach (var argument in new[] { "host", "start", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--enableAuth" })
        {
            core.ArgumentList.Add(argument);
        }

        return core;
    }

    /// <summary>The host's secrets file: the master key, <c>default</c> and the named function keys (host-level: each opens every function).</summary>
    private static void WriteSecrets(string folder, IReadOnlyDictionary<string, string> functionKeys)
    {
        var keys = new List<object> { new { name = "default", value = DefaultKey, encrypted = false } };
        keys.AddRange(functionKeys.Select(k => new { name = k.Key, value = k.Value, encrypted = false }));
        var secrets = new Dictionary<string, object?>
        {
            ["masterKey"] = new { name = "master", value = MasterKey, encrypted = false },
            ["functionKeys"] = keys,
            ["systemKeys"] = Array.Empty<object>(),
            ["hostName"] = null,
            ["instanceId"] = "local",
            ["source"] = "runtime",
            ["decryptionKeyId"] = string.Empty,
        };
        File.WriteAllText(Path.Combine(folder, "host.json"), JsonSerializer.Serialize(secrets));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
