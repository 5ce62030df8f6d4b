using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// Azurite as a child process, from the project's own pinned copy (<c>tools/azurite</c>, installed with
/// <c>npm ci</c> from its lock file on first use). Used by the standalone host and by the tests.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's well-known, public development account (documented by Microsoft; not a secret).</summary>
    public const string DevAccount = "devstoreaccount1";
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private int stopped;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};");

    /// <summary>True when something accepts connections on the port of 127.0.0.1.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Finds <c>tools/azurite</c> above the working directory or the app's folder.</summary>
    public static string FindToolDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "azurite");
                if (File.Exists(Path.Combine(candidate, "package-lock.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("tools/azurite (package.json + package-lock.json) was not found above the working directory; run from a clone of the repository or start Azurite yourself.");
    }

    /// <summary>Installs Azurite if needed and starts it on the given ports (0 = a free port), data in <paramref name="location"/> (or in memory only).</summary>
    /// <remarks>
    /// A free port is only free when it is chosen: another process may take it before Azurite listens. When every
    /// port was left to choose and Azurite exits at once, it is started again on other free ports (three tries).
    /// </remarks>
    public static async Task<AzuriteProcess> StartAsync(string location, int blobPort = 0, int queuePort = 0, int tablePort = 0, Action<string>? log = null, bool inMemory = false, CancellationToken cancellationToken = default)
    {
        var tool = FindToolDirectory();
        await EnsureInstalledAsync(tool, log, cancellationToken);
        Directory.CreateDirectory(location);
        var choosePorts = blobPort == 0 && queuePort == 0 && tablePort == 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(
                    tool, location, blobPort == 0 ? FreePort() : blobPort, queuePort == 0 ? FreePort() : queuePort, tablePort == 0 ? FreePort() : tablePort, log, inMemory, cancellationToken);
            }
            catch (AzuriteExitedException) when (choosePorts && attempt < 3)
            {
                log?.Invoke($"Azurite exited at start (attempt {attempt}): trying other free ports.");
            }
        }
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string tool, string location, int blobPort, int queuePort, int tablePort, Action<string>? log, bool inMemory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // In memory (the benchmarks' largest workloads, hundreds of thousands of rows): nothing on disk, and no
        // periodic save of the whole database, whose cost grows with it.
        string[] storage = inMemory ? ["--inMemoryPersistence"] : ["--location", location];
        string[] node = inMemory ? ["--max-old-space-size=8192"] : [];
        string[] arguments =
        [
            .. node,
            Path.Combine(tool, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--loose",
            .. storage,
            "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
            "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { log?.Invoke(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { log?.Invoke(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IsListeningAsync(blobPort, cancellationToken) && await IsListeningAsync(tablePort, cancellationToken)))
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await azurite.DisposeAsync();
                throw new AzuriteExitedException($"Azurite did not start (exit code {exitCode}).");
            }

            if (DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException("Azurite did not start within 60 s.");
            }

            await Task.Delay(100, cancellationToken);
        }

        return azurite;
    }

    /// <summary>
    /// Stops the emulator as an operator would (SIGINT: it flushes its data), killing it if it does not exit in 15 s.
    /// Also what disposing does: Azurite saves its metadata every 5 s or when interrupted, a kill loses the last
    /// seconds of acknowledged writes (docs/reliability.md, EmulatorDurabilityTests).
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (!process.HasExited && !OperatingSystem.IsWindows())
        {
            using var signal = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (signal is not null)
            {
                await signal.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        await KillAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task KillAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureInstalledAsync(string tool, Action<string>? log, CancellationToken cancellationToken)
    {
        // The marker is written only once npm ci has finished: a file of the package can exist while another
        // process is still extracting the rest.
        var entry = Path.Combine(tool, "node_modules", ".cdppe-installed");
        if (File.Exists(entry))
        {
            return;
        }

        // One installer at a time across processes (the app and a test run may start together).
        var lockPath = Path.Combine(tool, ".install.lock");
        while (true)
        {
            try
            {
                await using var gate = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                if (File.Exists(entry))
                {
                    return;
                }

                log?.Invoke("Installing Azurite with npm ci from tools/azurite/package-lock.json (first run only)...");
                var npm = new ProcessStartInfo("npm") { WorkingDirectory = tool, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
                {
                    npm.ArgumentList.Add(arg);
                }

                using var install = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm: install Node.js (which brings npm).");
                var stderr = install.StandardError.ReadToEndAsync(cancellationToken);
                _ = await install.StandardOutput.ReadToEndAsync(cancellationToken);
                await install.WaitForExitAsync(cancellationToken);
                if (install.ExitCode != 0 || !File.Exists(Path.Combine(tool, "node_modules", "azurite", "dist", "src", "azurite.js")))
                {
                    throw new InvalidOperationException($"npm ci failed in {tool} (exit code {install.ExitCode}): {await stderr}");
                }

                await File.WriteAllTextAsync(entry, "npm ci done\n", cancellationToken);
                return;
            }
            catch (IOException) when (!File.Exists(entry))
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
