using System.Diagnostics;
using System.Globalization;
using System.Net;
using Cdppe.Functions.Standalone;

namespace Cdppe.Benchmarks;

/// <summary>
/// The published package started under the Azure Functions host, from the host's process start to the first 200 of
/// the app's <c>GET /api/health</c> (the host up, the isolated worker started and its functions indexed, storage
/// answered), on an Azurite of its own. The host is the folder named by <c>CDPPE_FUNCTIONS_HOST</c> (its <c>run</c>
/// script) or Core Tools' <c>func</c> on the PATH, as the host test suite finds it; without either, the row says so.
/// </summary>
public static class FunctionsHostStart
{
    public const string Name = "Cold start under the Azure Functions host (the framework-dependent package): host process start → first 200 of the app's /api/health";

    public const string Variable = "CDPPE_FUNCTIONS_HOST";

    public static async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(int iterations, string package)
    {
        var run = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "run"))
            ? Path.Combine(Path.GetFullPath(folder), "run")
            : null;
        var func = run is null ? LocalTools.FindOnPath("func") : null;
        if (run is null && func is null)
        {
            return [NotMeasured($"not measured: no Azure Functions host on this machine (set {Variable} to a folder holding its run script, or put Core Tools' func on the PATH)")];
        }

        if (!File.Exists(Path.Combine(package, "functions.metadata")))
        {
            return [NotMeasured($"not measured: no published package in {package} (the cold start script publishes it first)")];
        }

        await using var azurite = await AzuriteProcess.StartAsync(Path.Combine(Workloads.Folder, "host-start-" + Guid.NewGuid().ToString("N")));
        await StartOnceAsync(run, func, package, azurite.ConnectionString); // untimed: unpacks the host, warms the disk cache
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var (w, c) = await StartOnceAsync(run, func, package, azurite.ConnectionString);
            wall.Add(w);
            cpu.Add(c);
        }

        wall.Sort();
        cpu.Sort();
        var how = run is null ? "Core Tools' func host start" : $"the run script of {Variable}";
        var detail = string.Create(CultureInfo.InvariantCulture, $"wall max {wall[^1]:N0} ms; CPU of the host and the worker {cpu[0]:N0} / {cpu[cpu.Count / 2]:N0} / {cpu[^1]:N0} ms (min / median / max); started by {how}");
        return [new MeasurementResult(Name, iterations, wall[wall.Count / 2], wall[0], -1, -1, detail)];
    }

    private static MeasurementResult NotMeasured(string why) => new(Name, 0, double.NaN, double.NaN, -1, -1, why);

    /// <summary>One start on a free port with a new secrets folder; returns the wall time to the first 200 and the CPU time the processes had used.</summary>
    private static async Task<(double WallMs, double CpuMs)> StartOnceAsync(string? run, string? func, string package, string connectionString)
    {
        var port = LocalTools.FreePort();
        var secrets = Path.Combine(Workloads.Folder, "host-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(secrets);
        var start = run is not null ? new ProcessStartInfo("bash") : new ProcessStartInfo(func!) { WorkingDirectory = package };
        foreach (var argument in run is not null
            ? new[] { run, package, port.ToString(CultureInfo.InvariantCulture), connectionString, secrets }
            : ["host", "start", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["FUNCTIONS_MASTER_KEY"] = "bench-master";
        start.Environment["FUNCTIONS_DEFAULT_KEY"] = "bench";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["CONSOLIDATION_SCHEDULE"] = "0 0 3 * * *";
        start.Environment["Cdppe__ApiKey"] = "bench";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The Functions host did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(4))
                {
                    throw new InvalidOperationException($"The Functions host did not answer 200 on /api/health (exited: {process.HasExited}): {output.ToString()[^Math.Min(output.Length, 2000)..]}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var wall = clock.Elapsed.TotalMilliseconds;
                        return (wall, CpuMs(process.Id));
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening, the worker still starting.
                }

                await Task.Delay(20);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(secrets, recursive: true);
        }
    }

    /// <summary>User and system time of a process and its descendants (Linux; 0 elsewhere).</summary>
    private static double CpuMs(int pid)
    {
        var ticks = 100.0; // USER_HZ on Linux
        double total = 0;
        var pending = new Stack<int>([pid]);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            try
            {
                var stat = File.ReadAllText($"/proc/{id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) * 1000 / ticks;
                foreach (var task in Directory.GetDirectories($"/proc/{id}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (IOException)
            {
                // Gone, or not Linux.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }
}
