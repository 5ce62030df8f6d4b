using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Cdppe.Benchmarks;

/// <summary>
/// Runs every side-by-side measurement, each in its own process (so peak memory is the workload's), and rewrites
/// <c>docs/benchmarks.md</c>.
/// </summary>
public static class Harness
{
    /// <summary>The sections of the page, as <c>--only</c> names them.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["reading", "consolidation", "report", "end-to-end", "portal", "exports", "cold-start"];

    /// <summary>Departements of the national year: all of them, or fewer in a quick run (the row's name says how many).</summary>
    public static int NationalDepartements(bool quick) => quick ? 8 : 101;

    /// <summary>Départements consolidated at once in the national year (the app's default).</summary>
    public static int NationalParallelism { get; } = new Pipeline.Consolidation.ConsolidationOptions().MaxParallelDepartements;

    public static async Task<int> RunAsync(string repositoryRoot, bool quick, string? only = null)
    {
        if (only is not null && !Sections.Contains(only))
        {
            Console.Error.WriteLine($"Unknown section {only}: one of {string.Join(", ", Sections)}.");
            return 1;
        }

        bool Runs(string section) => only is null || only == section;
        var loadAtStart = LoadAverage();
        var files = Runs("reading") ? Workloads.WorkbookFiles() : new Dictionary<string, string>();
        string[] self = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? ["dotnet", typeof(Harness).Assembly.Location]
            : [Environment.ProcessPath!];
        var closedXml = Path.Combine(repositoryRoot, "benchmarks", "ClosedXmlRunner", "bin", "Release", "net10.0", "ClosedXmlRunner.dll");
        var readIterations = quick ? "3" : "10";
        var results = new List<(string Group, MeasurementResult Result)>();

        foreach (var (name, path) in Runs("reading") ? files : new Dictionary<string, string>())
        {
            var large = name.Contains(Workloads.LargestRows, StringComparison.Ordinal);
            var iterations = large ? (quick ? "1" : "3") : name.Contains("100000", StringComparison.Ordinal) ? (quick ? "2" : "5") : readIterations;
            foreach (var scenario in new[] { "read-floor", "read-ours", "read-ours-rows", "read-exceldatareader" })
            {
                results.AddRange((await ChildAsync([.. self, "measure", scenario, path, iterations])).Select(r => ("read:" + name, r)));
            }

            if (File.Exists(closedXml) && !large) // ClosedXML loads the whole sheet: several GB for a million rows
            {
                results.AddRange((await ChildAsync(["dotnet", closedXml, path, iterations])).Select(r => ("read:" + name, r)));
            }
        }

        // The same rows as .ods and .xls (ExcelDataReader reads .xls, not .ods; ClosedXML neither).
        foreach (var (name, path) in Runs("reading") ? Workloads.OtherFormatFiles() : new Dictionary<string, string>())
        {
            var scenarios = name.EndsWith(".xls", StringComparison.Ordinal) ? new[] { "read-floor", "read-ours", "read-ours-rows", "read-exceldatareader" } : ["read-floor", "read-ours", "read-ours-rows"];
            foreach (var scenario in scenarios)
            {
                results.AddRange((await ChildAsync([.. self, "measure", scenario, path, quick ? "2" : "5"])).Select(r => ("read:" + name, r)));
            }
        }

        if (Runs("consolidation"))
        {
            results.AddRange((await ChildAsync([.. self, "measure", "consolidate-memory", quick ? "1" : "3"])).Select(r => ("consolidation", r)));
            results.AddRange((await ChildAsync([.. self, "measure", "consolidate-azurite", quick ? "2" : "4"])).Select(r => ("consolidation", r)));
            results.AddRange((await ChildAsync([.. self, "measure", "consolidate-national", NationalDepartements(quick).ToString(CultureInfo.InvariantCulture), NationalParallelism.ToString(CultureInfo.InvariantCulture)])).Select(r => ("consolidation", r)));
        }

        var reportRender = Path.Combine(repositoryRoot, "benchmarks", "ReportRender", "bin", "Release", "net10.0", "ReportRender.dll");
        if (Runs("report") && File.Exists(reportRender))
        {
            var work = Path.Combine(Workloads.Folder, "report-render");
            foreach (var (fiches, runs) in new[] { ("41", quick ? "5" : "30"), ("1000", quick ? "2" : "5") })
            {
                results.AddRange((await ChildAsync(["dotnet", reportRender, work, runs, fiches])).Select(r => ("report", r)));
            }
        }

        if (Runs("end-to-end"))
        {
            results.AddRange((await ChildAsync([.. self, "measure", "end-to-end", quick ? "2" : "4", Path.Combine(repositoryRoot, "samples")])).Select(r => ("end-to-end", r)));
        }

        if (Runs("portal"))
        {
            // 101 départements even in a quick run: the pages are measured at the scale they serve.
            results.AddRange((await ChildAsync([.. self, "measure", "portal", quick ? "3" : "8", "101", Path.Combine(repositoryRoot, "samples")])).Select(r => ("portal", r)));
        }

        if (Runs("exports"))
        {
            results.AddRange((await ChildAsync([.. self, "measure", "exports", quick ? "5" : "20", quick ? "2" : "5", Path.Combine(repositoryRoot, "samples")])).Select(r => ("exports", r)));
        }

        if (Runs("cold-start"))
        {
            // Publishes the app both ways and its floor, then starts each in turn (its own Azurite and ports).
            string[] coldStart = ["bash", Path.Combine(repositoryRoot, "scripts", "measure-cold-start.sh"), "--runs", quick ? "3" : "9", "--output", Path.Combine(Workloads.Folder, "cold-start")];
            results.AddRange((await ChildAsync(coldStart)).Select(r => ("cold-start", r)));
            // The same package under the Azure Functions host, when one is installed (a row saying so otherwise).
            results.AddRange((await ChildAsync([.. self, "measure", "functions-host-start", quick ? "3" : "9", Path.Combine(Workloads.Folder, "cold-start", "framework-dependent", "package")])).Select(r => ("cold-start", r)));
        }

        var page = Render(results, File.Exists(closedXml), quick, repositoryRoot, (loadAtStart, LoadAverage()));
        var target = only is null ? Path.Combine(repositoryRoot, "docs", "benchmarks.md") : Path.Combine(Workloads.Folder, $"benchmarks-{only}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, page);
        Console.WriteLine($"Wrote {target}");
        return 0;
    }

    private static async Task<IReadOnlyList<MeasurementResult>> ChildAsync(string[] command)
    {
        var program = command[0];
        var args = command[1..];
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"> {Path.GetFileName(program)} {string.Join(' ', args.Select(Path.GetFileName))}");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n').Where(l => l.StartsWith(Measurement.Marker, StringComparison.Ordinal)).ToList();
        if (process.ExitCode != 0 || lines.Count == 0)
        {
            return [new MeasurementResult(string.Join(' ', args.Select(Path.GetFileName)), 0, double.NaN, double.NaN, double.NaN, double.NaN, "FAILED: " + (await stderr).Split('\n').FirstOrDefault())];
        }

        var results = lines.Select(l => JsonSerializer.Deserialize<MeasurementResult>(l[Measurement.Marker.Length..], Measurement.Json)!).ToList();
        foreach (var result in results)
        {
            Console.WriteLine($"  {result.Name}: median {result.MedianMs:N1} ms, peak {result.PeakWorkingSetMb:N0} MB ({result.Detail})");
        }

        return results;
    }

    /// <summary>"1.23×": the median time of <paramref name="row"/> over that of <paramref name="reference"/>; empty without one.</summary>
    private static string Ratio(MeasurementResult row, MeasurementResult? reference) =>
        reference is null || double.IsNaN(row.MedianMs) || double.IsNaN(reference.MedianMs) ? string.Empty : (row.MedianMs / reference.MedianMs).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>The one-minute load average of the machine (Linux), or NaN.</summary>
    private static double LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) && double.TryParse(File.ReadAllText(path).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
    }

    private static string Render(List<(string Group, MeasurementResult Result)> results, bool closedXmlRan, bool quick, string repositoryRoot, (double Start, double End) load)
    {
        var culture = CultureInfo.InvariantCulture;
        var page = new StringBuilder();
        page.AppendLine("# Benchmarks");
        page.AppendLine();
        page.AppendLine("Measured, not guessed. This page is rewritten by the harness:");
        page.AppendLine();
        page.AppendLine("```bash");
        page.AppendLine("benchmarks/run.sh            # Release build, every side-by-side measurement, rewrites this page");
        page.AppendLine("benchmarks/run.sh --quick    # fewer iterations");
        page.AppendLine("benchmarks/run.sh --only report   # one section (reading, consolidation, report, end-to-end, portal, exports, cold-start), its page written apart, this one left as it is");
        page.AppendLine("dotnet run -c Release --project benchmarks/Cdppe.Benchmarks -- bdn --filter '*'   # BenchmarkDotNet suites");
        page.AppendLine("```");
        page.AppendLine();
        page.AppendLine(string.Create(culture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (quick run)" : string.Empty)}"));
        page.AppendLine(string.Create(culture, $"- Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        if (!double.IsNaN(load.Start))
        {
            var busy = Math.Max(load.Start, load.End) > Environment.ProcessorCount;
            page.AppendLine(string.Create(culture, $"- Load average (1 minute) at the start and the end of the run: {load.Start:0.0} / {load.End:0.0}{(busy ? $" on {Environment.ProcessorCount} cores: other work was running, so times are longer than on an idle machine; the ratios, of rows measured minutes apart in the same run, are the figures to compare" : string.Empty)}."));
        }

        page.AppendLine("- Method: each row is its own process (warm-up run, then N timed runs; median and minimum wall time; managed allocations per run; peak resident memory of the process, `VmHWM`).");
        page.AppendLine();
        page.AppendLine("## Workbook reading");
        page.AppendLine();
        page.AppendLine("Same files for every reader, each run opening the file (served from the page cache after the warm-up), so that no process holds a whole workbook. *Cdppe (parse + validate)* is the whole ingestion parse (detection, French values, cross-checks, model); *rows only* is the streaming reader alone, the like-for-like comparison with ExcelDataReader and ClosedXML (which only read cells). The *floor* row, measured in the same run, inflates the sheet parts into a reused buffer and parses nothing (for an `.xls`, whose BIFF records are not compressed, it takes the workbook stream out of the compound file): no reader of the file can be faster. Ratios are of median times (lower is faster).");
        page.AppendLine();
        page.AppendLine(string.Create(culture, $"The {Workloads.LargestRows}-row file is generated by the harness (not committed); our reader reads it with the row and size limits raised (by default a sheet of more than {Pipeline.Ingestion.Spreadsheets.SpreadsheetLimits.Default.MaxRowsPerSheet:N0} rows is refused). ClosedXML is not run on it (it holds the whole sheet in memory). Its periods repeat after 360 000 rows (100 years of 12 months × 300 indicators), so the parse reports the repeated lines as issues."));
        page.AppendLine();
        foreach (var group in results.Where(r => r.Group.StartsWith("read:", StringComparison.Ordinal)).GroupBy(r => r.Group))
        {
            page.AppendLine(string.Create(culture, $"### {group.Key[5..]}"));
            page.AppendLine();
            page.AppendLine("| reader | runs | median ms | min ms | allocated MB/run | peak memory MB | ratio to floor | ratio to ExcelDataReader | read |");
            page.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            var edr = group.FirstOrDefault(r => r.Result.Name.StartsWith("ExcelDataReader", StringComparison.Ordinal)).Result;
            var floor = group.FirstOrDefault(r => r.Result.Name.StartsWith(Scenarios.ReadingFloorName, StringComparison.Ordinal) || r.Result.Name.StartsWith(Scenarios.XlsFloorName, StringComparison.Ordinal)).Result;
            foreach (var (_, r) in group)
            {
                page.AppendLine(string.Create(culture, $"| {r.Name.Split(" · ")[0]} | {r.Iterations} | {r.MedianMs:N1} | {r.MinMs:N1} | {r.AllocatedMbPerOp:N1} | {r.PeakWorkingSetMb:N0} | {Ratio(r, floor)} | {Ratio(r, edr)} | {r.Detail} |"));
            }

            page.AppendLine();
        }

        if (!closedXmlRan)
        {
            page.AppendLine("ClosedXML rows are missing: build `benchmarks/ClosedXmlRunner` in Release first (`benchmarks/run.sh` does).");
            page.AppendLine();
        }

        page.AppendLine("## Consolidation at national scale");
        page.AppendLine();
        page.AppendLine("The storage floor, measured in the same process and on the same Azurite as the rows it bounds, writes as many snapshot rows as one département's consolidation, built beforehand, in transactions of 100, with no read and no logic; its runs and the consolidation's alternate in mirrored pairs (floor, consolidation, consolidation, floor…), and the snapshot rows of each run are deleted after it, untimed: the emulator's inserts slow down as its tables grow (each one updates its indexes of the whole table), so every run writes into the same table. The *reads alone* row times, after those runs, what a first consolidation reads besides its writes. The national year is one timed run of the national entry point (`ConsolidationRunner.ConsolidateYearAsync`, every département's finished months of 2020 within its windows, départements consolidated at once up to the app's default), after a warm-up (the first half of 2021 of one département, in the values' reporting window); its floor, measured just before it on an Azurite of its own, writes as many rows by as many partitions at once (both emulators hold their data in memory: with hundreds of thousands of rows, the periodic save of the whole database to disk would weigh on whichever ran second). There is no peer program for the consolidation; the in-memory row is the rules alone.");
        page.AppendLine();
        page.AppendLine("| workload | runs | median ms | min ms | allocated MB/run | peak memory MB | ratio to floor | result |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var storageFloor = results.FirstOrDefault(r => r.Result.Name.StartsWith(Scenarios.StorageFloorName, StringComparison.Ordinal) && !r.Result.Name.StartsWith(Scenarios.NationalFloorName, StringComparison.Ordinal)).Result;
        var nationalFloor = results.FirstOrDefault(r => r.Result.Name.StartsWith(Scenarios.NationalFloorName, StringComparison.Ordinal)).Result;
        foreach (var (_, r) in results.Where(r => r.Group == "consolidation"))
        {
            var national = r.Name.StartsWith(Scenarios.NationalFloorName, StringComparison.Ordinal) || r.Name.StartsWith(Scenarios.NationalYearName, StringComparison.Ordinal);
            var ratio = national ? Ratio(r, nationalFloor) : r.Name.Contains("Azurite", StringComparison.Ordinal) || r.Name.StartsWith("Re-run", StringComparison.Ordinal) ? Ratio(r, storageFloor) : "n/a";
            page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {r.MedianMs:N1} | {r.MinMs:N1} | {r.AllocatedMbPerOp:N1} | {r.PeakWorkingSetMb:N0} | {ratio} | {r.Detail} |"));
        }

        page.AppendLine();
        page.AppendLine("## Report rendering");
        page.AppendLine();
        page.AppendLine("The built-in template (chart and text-place tags removed: charts are a paid docxtemplater module, the places for people's text are Word content controls it has no tag for) and the same data, rendered by both engines: the 41-fiche report of the seed data and a synthetic 1 000-fiche one (the seed fiches repeated). The *floor* row, timed in the same process after the engine's runs (the parts it holds do not count in the engine's peak), writes the parts of the rendered document (inflated beforehand) into a new package at the engine's compression level: nothing is templated, so no engine can write that document faster. The peak memory is the process's (runtime, SDK, the data and every run). `benchmarks/report-render.sh` runs the same comparison alone.");
        page.AppendLine();
        page.AppendLine("| engine | runs | median ms | min ms | peak memory MB | ratio to floor | ratio to docxtemplater | note |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var size in results.Where(r => r.Group == "report").GroupBy(r => r.Result.Name.Split(" · ").Last()))
        {
            var floor = size.FirstOrDefault(r => r.Result.Name.StartsWith("Floor:", StringComparison.Ordinal)).Result;
            var peer = size.FirstOrDefault(r => r.Result.Name.StartsWith("docxtemplater", StringComparison.Ordinal)).Result;
            foreach (var (_, r) in size)
            {
                page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {r.MedianMs:N1} | {r.MinMs:N1} | {(r.PeakWorkingSetMb < 0 ? "n/a" : r.PeakWorkingSetMb.ToString("N0", culture))} | {Ratio(r, floor)} | {Ratio(r, peer)} | {r.Detail} |"));
            }
        }
        page.AppendLine();
        page.AppendLine("## End to end");
        page.AppendLine();
        page.AppendLine("The standalone host on Azurite, the sample workbooks dropped into `uploads/{departement}/` at once, every ingestion awaited, a consolidation asked for, the report downloaded; each run uses another département. The *floor* row, alternated with it on the same emulator, only uploads the same workbooks and downloads a blob as large as the report: the transfers any pipeline of this drop and this report has to make. There is no peer program for this path.");
        page.AppendLine();
        page.AppendLine("| workload | runs | median ms | min ms | peak memory MB | ratio to floor | detail |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var transfers = results.FirstOrDefault(r => r.Result.Name == EndToEnd.FloorName).Result;
        foreach (var (_, r) in results.Where(r => r.Group == "end-to-end"))
        {
            page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {r.MedianMs:N1} | {r.MinMs:N1} | {r.PeakWorkingSetMb:N0} | {Ratio(r, transfers)} | {r.Detail} |"));
        }
        page.AppendLine();
        page.AppendLine("## Portal");
        page.AppendLine();
        page.AppendLine("The standalone host on Azurite with its default poll of `uploads/` (every 2 s). *Drop to « importé »*: the workbooks sent at once through the upload route (`PUT /api/uploads/{departement}/{file}`), then the ingestion list asked every 20 ms until each file has its record (what the Dépôts page shows as « importé » or « refusé »); each run in a département of its own; the drop starts the ingestion at once and the files of one département consolidate once, merged. Its *floor*, alternated with it on the same emulator, uploads the same bytes and processes nothing. *First load*: 101 départements hold a year of data (the six samples ingested and 2022 consolidated for one, its table rows copied into the partitions of the 100 others), then what a browser asks for a page (its HTML, the session, the context, the data calls at once: for the national page the year and the one before) with a signed-in session; after one untimed load. Its *floor* asks for the same HTML and session and reads raw the rows the page cannot do without (national: the partitions of the national summaries it reads, the directory of départements and the summaries of the two years; Indicateurs: the département's snapshots of the year). *National workbook*: the State's workbook of the year (`GET /api/exports/national/{year}`, a *Synthèse* row and the long *Indicateurs* rows of every département with data), downloaded with the same 101 départements loaded; its *floor* reads raw every département's snapshots of the year, 8 partitions at once, and writes the exported workbook's parts, inflated beforehand, into a new package. Targets: ≤ 2 s for one workbook and ≤ 5 s for six on an idle 2-core machine; under 1 s for each first load; no target set for the national workbook.");
        page.AppendLine();
        page.AppendLine("| workload | runs | median ms | min ms | peak memory MB | ratio to floor | detail |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var portalRows = results.Where(r => r.Group == "portal").Select(r => r.Result).ToList();
        for (var i = 0; i < portalRows.Count; i++)
        {
            // Each row is followed by its floor (a failed measurement is one row alone).
            var r = portalRows[i];
            var floor = i % 2 == 0 ? portalRows.ElementAtOrDefault(i + 1) : portalRows[i];
            page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {r.MedianMs:N1} | {r.MinMs:N1} | {r.PeakWorkingSetMb:N0} | {Ratio(r, floor)} | {r.Detail} |"));
        }

        page.AppendLine();
        Exports.Render(page, results.Where(r => r.Group == "exports").Select(r => r.Result).ToList());
        page.AppendLine("## Cold start");
        page.AppendLine();
        page.AppendLine("Process start to the first 200 on `GET /api/health` of the published standalone host (Kestrel listening, storage answered: the host checks its containers and tables before it listens), started with `dotnet Cdppe.Functions.dll` on an Azurite of its own, by publish mode; measured by `scripts/measure-cold-start.sh`, which publishes each mode, starts each once untimed, then in turn (round robin). The *floor* row is `benchmarks/ColdStartFloor`, a slim ASP.NET Core app that only answers `GET /api/health`: the runtime's and Kestrel's start. The CPU time is what the process had used when it answered, less sensitive to the machine's other load than wall time. There is no peer program for this start; what Azure adds (the instance, the Functions host) is in [deploy.md](deploy.md#cold-start). The *Azure Functions host* row starts the same framework-dependent package as Azure runs it, under the Functions host (the folder named by `CDPPE_FUNCTIONS_HOST`, its `run` script, or Core Tools' `func` on the PATH, as the host test suite finds it), on an Azurite of its own, once untimed then N times: from the host's process start to the first 200 of the app's `GET /api/health` through the host (the host started, the isolated worker started and its functions indexed, storage answered); its CPU time is the host's and the worker's. On a machine without a Functions host the row says so.");
        page.AppendLine();
        page.AppendLine("| start | runs | median wall ms | min wall ms | ratio to floor | detail |");
        page.AppendLine("|---|---:|---:|---:|---:|---|");
        var startFloor = results.FirstOrDefault(r => r.Group == "cold-start" && r.Result.Name.StartsWith("Floor:", StringComparison.Ordinal)).Result;
        foreach (var (_, r) in results.Where(r => r.Group == "cold-start"))
        {
            var (median, min) = double.IsNaN(r.MedianMs) ? ("n/a", "n/a") : (r.MedianMs.ToString("N0", culture), r.MinMs.ToString("N0", culture));
            page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {median} | {min} | {Ratio(r, startFloor)} | {r.Detail} |"));
        }

        page.AppendLine();
        page.AppendLine(Targets.Render(results.Select(r => r.Result).ToList()));
        return page.ToString();
    }
}
