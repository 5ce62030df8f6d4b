using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Cdppe.Benchmarks;

/// <summary>One measured workload as a child process reports it to the harness (one JSON line on stdout).</summary>
public sealed record MeasurementResult(string Name, int Iterations, double MedianMs, double MinMs, double AllocatedMbPerOp, double PeakWorkingSetMb, string Detail);

/// <summary>Runs a workload a few times in this process and reports median time, allocations and peak memory.</summary>
public static class Measurement
{
    public const string Marker = "MEASUREMENT:";

    public static MeasurementResult Run(string name, int iterations, Func<string> workload)
    {
        var detail = workload(); // warm-up (JIT, caches)
        var times = new List<double>(iterations);
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            detail = workload();
            watch.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new MeasurementResult(name, iterations, times[times.Count / 2], times[0], allocated / (double)iterations / (1024 * 1024), PeakWorkingSetMb(), detail);
    }

    /// <summary>
    /// Runs two workloads in turn, in mirrored pairs (warm-up of each, then <c>a, b, b, a, a, b…</c>), for two
    /// workloads on a shared resource whose cost grows as they run (an emulator whose tables grow): each run of one is
    /// next to a run of the other, and with an even number of iterations neither always runs second.
    /// <paramref name="afterEach"/>, when given, runs after every run, untimed (to put the resource back as it was).
    /// </summary>
    public static (MeasurementResult A, MeasurementResult B) RunAlternating(string nameA, Func<string> a, string nameB, Func<string> b, int iterations, Action? afterEach = null)
    {
        var (timesA, timesB) = (new List<double>(iterations), new List<double>(iterations));
        long allocatedA = 0, allocatedB = 0;
        var detailA = string.Empty;
        var detailB = string.Empty;
        void RunA(bool timed)
        {
            detailA = timed ? Timed(a, timesA, ref allocatedA) : a();
            afterEach?.Invoke();
        }

        void RunB(bool timed)
        {
            detailB = timed ? Timed(b, timesB, ref allocatedB) : b();
            afterEach?.Invoke();
        }

        RunA(timed: false); // warm-up of each
        RunB(timed: false);
        for (var i = 0; i < iterations; i++)
        {
            if (i % 2 == 0)
            {
                RunA(timed: true);
                RunB(timed: true);
            }
            else
            {
                RunB(timed: true);
                RunA(timed: true);
            }
        }

        timesA.Sort();
        timesB.Sort();
        var peak = PeakWorkingSetMb();
        return (
            new MeasurementResult(nameA, iterations, timesA[timesA.Count / 2], timesA[0], allocatedA / (double)iterations / (1024 * 1024), peak, detailA),
            new MeasurementResult(nameB, iterations, timesB[timesB.Count / 2], timesB[0], allocatedB / (double)iterations / (1024 * 1024), peak, detailB));
    }

    private static string Timed(Func<string> workload, List<double> times, ref long allocated)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var detail = workload();
        watch.Stop();
        allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        times.Add(watch.Elapsed.TotalMilliseconds);
        return detail;
    }

    /// <summary>How a result is written and read back: a row that could not be measured has NaN times.</summary>
    public static JsonSerializerOptions Json { get; } = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Report(MeasurementResult result) => Console.WriteLine(Marker + JsonSerializer.Serialize(result, Json));

    /// <summary>Peak resident set size of this process (VmHWM on Linux), else the current peak working set.</summary>
    public static double PeakWorkingSetMb()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && double.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
    }
}
