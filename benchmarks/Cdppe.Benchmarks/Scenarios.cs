using System.Globalization;
using System.IO.Compression;
using Azure;
using Azure.Data.Tables;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using ExcelDataReader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdppe.Benchmarks;

/// <summary>The workloads a child process measures: <c>measure &lt;scenario&gt; [file] &lt;iterations&gt;</c>.</summary>
public static class Scenarios
{
    public static async Task<IReadOnlyList<MeasurementResult>> RunAsync(string scenario, string[] args)
    {
        switch (scenario)
        {
            // Each run opens the file: the process never holds a workbook, so its peak memory is the reader's.
            case "read-floor":
                return Path.GetExtension(args[0]) == ".xls"
                    ? [Measurement.Run($"{XlsFloorName} · {Path.GetFileName(args[0])}", Iterations(args[1]), () => FromFile(args[0], WorkbookStream))]
                    : [Measurement.Run($"{ReadingFloorName} · {Path.GetFileName(args[0])}", Iterations(args[1]), () => FromFile(args[0], InflateSheetParts))];

            case "read-ours":
                return [Measurement.Run($"Cdppe (parse + validate) · {Path.GetFileName(args[0])}", Iterations(args[1]), () => FromFile(args[0], file => OursParse(file, LimitsFor(args[0]))))];

            case "read-ours-rows":
            {
                var reader = Path.GetExtension(args[0]) switch { ".ods" => "OdsWorkbook", ".xls" => "XlsWorkbook", _ => "XlsxWorkbook" };
                return [Measurement.Run($"Cdppe {reader} (rows only) · {Path.GetFileName(args[0])}", Iterations(args[1]), () => FromFile(args[0], file => OursRows(file, LimitsFor(args[0]))))];
            }

            case "read-exceldatareader":
                return [Measurement.Run($"ExcelDataReader 3.6.0 · {Path.GetFileName(args[0])}", Iterations(args[1]), () => FromFile(args[0], ExcelDataReaderRows))];

            case "consolidate-memory":
            {
                var national = Workloads.National();
                return [Measurement.Run($"National consolidation in memory ({national.Departements.Count} × {national.Months.Count} × {national.Departements[0].Definitions.Count})", Iterations(args[0]), () => Workloads.ConsolidateInMemory(national).ToString("N0", CultureInfo.InvariantCulture) + " snapshots")];
            }

            case "consolidate-azurite":
                return await ConsolidateThroughAzuriteAsync(Iterations(args[0]));

            case "consolidate-national":
                return await ConsolidateNationalAsync(Iterations(args[0]), Iterations(args[1]));

            case "end-to-end":
                return await EndToEnd.MeasureAsync(Iterations(args[0]), args[1]);

            case "portal":
                return await PortalAtScale.MeasureAsync(Iterations(args[0]), Iterations(args[1]), args[2]);

            case "exports":
                return await Exports.MeasureAsync(Iterations(args[0]), Iterations(args[1]), args[2]);

            case "functions-host-start":
                return await FunctionsHostStart.MeasureAsync(Iterations(args[0]), args[1]);

            default:
                throw new ArgumentException($"Unknown scenario {scenario}.");
        }
    }

    /// <summary>Name of the reading floor rows: what any reader of the file has to do before it reads a cell.</summary>
    public const string ReadingFloorName = "Floor: inflate the sheet parts only";

    /// <summary>Name of the reading floor row of an .xls, whose records are not compressed.</summary>
    public const string XlsFloorName = "Floor: take the workbook stream out of the file only";

    /// <summary>Name of the storage floor row: the same number of entities written with no logic around the writes.</summary>
    public const string StorageFloorName = "Floor: raw batched upserts";

    /// <summary>Name of the national year's floor: as many rows, as many partitions at once.</summary>
    public const string NationalFloorName = "Floor: raw batched upserts, partitions at once";

    /// <summary>Name of the national year's row.</summary>
    public const string NationalYearName = "National year through Azurite";

    /// <summary>Inflates the sheet parts (xl/worksheets/*.xml of an .xlsx, content.xml of an .ods) into one reused buffer; nothing is parsed.</summary>
    public static string InflateSheetParts(Stream workbook)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        var buffer = new byte[64 * 1024];
        long total = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName == "content.xml" || (e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))))
        {
            using var part = entry.Open();
            int read;
            while ((read = part.Read(buffer)) > 0)
            {
                total += read;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{total / 1e6:N1} MB of sheet XML");
    }

    /// <summary>The floor of an .xls: the workbook stream taken out of the compound file (BIFF is not compressed); no record is read.</summary>
    public static string WorkbookStream(Stream workbook)
    {
        using var file = new MemoryStream();
        workbook.CopyTo(file);
        var stream = new Cdppe.Pipeline.Ingestion.Xls.CompoundFile(file.ToArray()).Read("Workbook") ?? throw new InvalidDataException("No Workbook stream.");
        return string.Create(CultureInfo.InvariantCulture, $"{stream.Length / 1e6:N1} MB of BIFF records");
    }

    /// <summary>The default limits, raised for the generated file that goes over them on purpose.</summary>
    public static SpreadsheetLimits LimitsFor(string path) => Path.GetFileName(path).Contains(Workloads.LargestRows, StringComparison.Ordinal) ? Workloads.LargeFileLimits : SpreadsheetLimits.Default;

    public static string OursParse(Stream workbook, SpreadsheetLimits? limits = null)
    {
        var content = new WorkbookParser(limits ?? SpreadsheetLimits.Default).Parse(workbook);
        return $"{content.ItemCount} lines, {content.Issues.All.Count} issues";
    }

    public static string OursRows(Stream file, SpreadsheetLimits? limits = null)
    {
        using var workbook = SpreadsheetFormats.Open(file, limits);
        long cells = 0;
        foreach (var sheet in workbook.Sheets)
        {
            foreach (var row in workbook.ReadRows(sheet))
            {
                cells += row.Cells.Count;
            }
        }

        return cells.ToString(CultureInfo.InvariantCulture) + " cells";
    }

    public static string ExcelDataReaderRows(Stream workbook)
    {
        using var reader = ExcelReaderFactory.CreateReader(workbook);
        long cells = 0;
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is not null)
                    {
                        cells++;
                    }
                }
            }
        }
        while (reader.NextResult());
        return cells.ToString(CultureInfo.InvariantCulture) + " cells";
    }

    private static string FromFile(string path, Func<Stream, string> read)
    {
        using var file = File.OpenRead(path);
        return read(file);
    }

    private static int Iterations(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The services of the app on a new Azurite (its own folder), with <paramref name="parallelism"/> départements at once.</summary>
    private static async Task<(AzuriteProcess Azurite, ServiceProvider Services)> StartAsync(int parallelism = 4, bool inMemory = false)
    {
        var folder = Path.Combine(Workloads.Folder, "azurite-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.StartAsync(folder, inMemory: inMemory);
        var settings = new Dictionary<string, string?>
        {
            [CdppeStorage.ConnectionName] = azurite.ConnectionString,
            [$"{ConsolidationOptions.Section}:{nameof(ConsolidationOptions.MaxParallelDepartements)}"] = parallelism.ToString(CultureInfo.InvariantCulture),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddCdppePipeline(SpreadsheetLimits.Default.MaxRowsPerSheet)
            .BuildServiceProvider();
        await services.GetRequiredService<CdppeStorage>().EnsureCreatedAsync();
        return (azurite, services);
    }

    /// <summary>What a tableau de bord and the monthly follow-ups of one ingestion write for a département, committed as an ingestion commits.</summary>
    private static async Task IngestAsync(IServiceProvider services, Departement dep, Dictionary<string, IndicatorDefinition> definitions, Dictionary<YearMonth, List<RawValue>> values)
    {
        var ingestions = services.GetRequiredService<IngestionStore>();
        var content = new WorkbookContent();
        content.Indicators.AddRange(definitions.Values.Select(d => new SourcedIndicator(Pipeline.Ingestion.Kinds.TableauDeBordParser.KindName, d)));
        content.IndicatorValues.AddRange(values.SelectMany(m => m.Value).Select(v => new IndicatorValue { Code = v.Code, Label = v.Label, Period = v.Period, Value = v.Value }));
        var plan = DatasetStore.Plan(dep.Code, "bench", values.First().Value[0].ReceivedAt, content);
        await services.GetRequiredService<DatasetStore>().WriteAsync(plan);
        await ingestions.CommitAsync(new IngestionRecord { Partition = dep.Code, Id = "bench", Status = IngestionStatus.Accepted }, await ingestions.HeadAsync(dep.Code), plan.Datasets);
    }

    /// <summary>
    /// The national year: <paramref name="departements"/> × 12 months × 300 indicators through
    /// <see cref="ConsolidationRunner.ConsolidateYearAsync"/> on Azurite, <paramref name="parallelism"/> départements at
    /// once, one timed run after a warm-up (the next year of one département); and its floor, measured before it on an Azurite of
    /// its own: as many snapshot rows, built beforehand, written in transactions of 100 by as many partitions at once.
    /// Both emulators hold their data in memory (hundreds of thousands of rows).
    /// </summary>
    private static async Task<IReadOnlyList<MeasurementResult>> ConsolidateNationalAsync(int departements, int parallelism)
    {
        var national = Workloads.National(departements: departements, months: 12);
        MeasurementResult floor;
        var (floorAzurite, floorServices) = await StartAsync(parallelism, inMemory: true);
        await using (floorAzurite)
        await using (floorServices)
        {
            floor = await NationalFloorAsync(floorServices.GetRequiredService<CdppeStorage>(), departements, national.Months, parallelism);
        }

        var (azurite, services) = await StartAsync(parallelism, inMemory: true);
        await using (azurite)
        await using (services)
        {
            await Parallel.ForEachAsync(national.Departements, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (d, _) => await IngestAsync(services, d.Departement, d.Definitions, d.Values));
            var runner = services.GetRequiredService<ConsolidationRunner>();
            var year = national.Months[0].Year;
            // Warm-up on the next year, whose first half is in the values' reporting window (all gaps), so that every
            // département's year is consolidated for the first time by the timed run (there are 101 départements).
            await runner.ConsolidateYearAsync(year + 1, "bench", [national.Departements[0].Departement]);
            var measured = national.Departements.Select(d => d.Departement).ToList();
            var count = departements * national.Months.Count * 300;

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summaries = await runner.ConsolidateYearAsync(year, "bench", measured);
            watch.Stop();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024);
            var written = summaries.Sum(s => s.RevisionsWritten);
            var name = string.Create(CultureInfo.InvariantCulture, $"{NationalYearName} ({departements} × {national.Months.Count} × 300, parallelism {parallelism})");
            var detail = string.Create(CultureInfo.InvariantCulture, $"{written:N0} snapshots written of {count:N0} ({summaries.Count} départements); {count / watch.Elapsed.TotalSeconds:N0} snapshots/s");
            return [floor, new MeasurementResult(name, 1, watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, allocated, Measurement.PeakWorkingSetMb(), detail)];
        }
    }

    /// <summary>The floor of <see cref="ConsolidateNationalAsync"/>: one timed run (its warm-up writes one partition).</summary>
    private static async Task<MeasurementResult> NationalFloorAsync(CdppeStorage storage, int departements, IReadOnlyList<YearMonth> months, int parallelism)
    {
        var table = storage.Tables.GetTableClient(TableNames.Snapshots);
        List<TableTransactionAction[]> Batches(string partition) => months
            .SelectMany(m => Enumerable.Range(0, 300).Select(i => SnapshotStore.ToEntity(partition, new MonthlySnapshot(string.Create(CultureInfo.InvariantCulture, $"O{i % 26 + 1:00}-IND-{i:000}"), "Indicateur", m, 100m + i, false, null, 1_200m, null, Pipeline.Model.SnapshotStatus.OnTrack, true, "bench"))))
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .Chunk(TableBatches.MaxOperations)
            .ToList();
        foreach (var batch in Batches("floor-warm-up"))
        {
            await table.SubmitTransactionAsync(batch);
        }

        var partitions = Enumerable.Range(0, departements).Select(d => Batches(string.Create(CultureInfo.InvariantCulture, $"floor-{d:000}"))).ToList();
        var count = departements * months.Count * 300;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (batches, token) =>
        {
            foreach (var batch in batches)
            {
                await table.SubmitTransactionAsync(batch, token);
            }
        });
        watch.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024);
        var name = string.Create(CultureInfo.InvariantCulture, $"{NationalFloorName}: {count:N0} snapshot rows, {parallelism} partitions at once (transactions of 100)");
        return new MeasurementResult(name, 1, watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, allocated, Measurement.PeakWorkingSetMb(), string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows in {partitions.Sum(p => p.Count):N0} transactions; {count / watch.Elapsed.TotalSeconds:N0} rows/s"));
    }

    /// <summary>One département × 36 months × 300 indicators through the real consolidator and table batches on Azurite.</summary>
    private static async Task<IReadOnlyList<MeasurementResult>> ConsolidateThroughAzuriteAsync(int iterations)
    {
        var (azurite, services) = await StartAsync();
        await using var emulator = azurite;
        await using var provider = services;
        var national = Workloads.National(departements: iterations + 1);
        var consolidator = services.GetRequiredService<MonthlyConsolidator>();
        var index = 0;
        foreach (var (dep, definitions, values) in national.Departements)
        {
            await IngestAsync(services, dep, definitions, values);
        }

        // Floor and consolidation in turn, each run's snapshot rows deleted after it (untimed): the emulator's inserts
        // slow down as its tables grow (each one updates its indexes of the whole table), so every run writes into
        // the same table, whichever row it belongs to and whenever it runs.
        var storage = services.GetRequiredService<CdppeStorage>();
        string? written = null;
        var (floorName, floorRun) = StorageFloor(storage, national.Months, iterations, partition => written = partition);
        var (floor, result) = Measurement.RunAlternating(floorName, floorRun, $"Consolidation of one département through Azurite ({national.Months.Count} months × 300 indicators)", () =>
        {
            var (dep, _, _) = national.Departements[index++ % national.Departements.Count];
            var summary = consolidator.ConsolidateAsync(dep, national.Months, "bench").GetAwaiter().GetResult();
            written = dep.Code;
            return $"{summary.RevisionsWritten} snapshots written";
        }, iterations, afterEach: () => DeleteSnapshotsAsync(storage, written!).GetAwaiter().GetResult());
        var (first, _, _) = national.Departements[0];
        var rerun = Measurement.Run("Re-run on the same inputs (nothing to write)", 1, () => consolidator.ConsolidateAsync(first, national.Months, "bench").GetAwaiter().GetResult().RevisionsWritten + " written");
        var years = national.Months.Select(m => m.Year).Distinct().ToList();
        var reads = Measurement.Run($"{ConsolidationReadsName} (pointers, accepted ingestions, months recorded, indicators, {years.Count} years of values)", iterations, () => ReadConsolidationInputsAsync(services, first.Code, years).GetAwaiter().GetResult());
        return
        [
            floor,
            result with { Detail = $"{result.Detail}; {national.Months.Count * 300 / (result.MedianMs / 1000):N0} snapshots/s" },
            reads,
            rerun with { Name = $"Re-run of one département with nothing changed ({national.Months.Count} months × 300 indicators)" },
        ];
    }

    /// <summary>Deletes the snapshot rows of <paramref name="partition"/>, in transactions of 100.</summary>
    private static async Task DeleteSnapshotsAsync(CdppeStorage storage, string partition)
    {
        var table = storage.Tables.GetTableClient(TableNames.Snapshots);
        var keys = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"]))
        {
            keys.Add(row);
        }

        foreach (var batch in keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, k, ETag.All)).Chunk(TableBatches.MaxOperations))
        {
            await table.SubmitTransactionAsync(batch);
        }
    }

    /// <summary>Name of the row that times, alone, what a first consolidation reads besides writing.</summary>
    public const string ConsolidationReadsName = "Reads alone through Azurite: what a first consolidation of one département reads";

    /// <summary>The reads of a first consolidation of <paramref name="partition"/> (<see cref="MonthlyConsolidator"/>), one after the other, nothing written.</summary>
    private static async Task<string> ReadConsolidationInputsAsync(IServiceProvider services, string partition, IReadOnlyList<int> years)
    {
        var ingestions = services.GetRequiredService<IngestionStore>();
        var head = await ingestions.HeadAsync(partition);
        var accepted = await ingestions.AcceptedAsync(partition);
        var recorded = await services.GetRequiredService<ConsolidationRunStore>().MonthsAsync(partition);
        var definitions = await services.GetRequiredService<IndicatorStore>().CurrentAsync(head);
        var values = 0;
        foreach (var year in years)
        {
            values += (await services.GetRequiredService<IndicatorValueStore>().YearAsync(partition, year, accepted)).Count;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{definitions.Count} indicators, {values:N0} values, {recorded.Count} months recorded");
    }

    /// <summary>
    /// The storage floor of <see cref="ConsolidateThroughAzuriteAsync"/>: as many snapshot rows as it writes (months ×
    /// 300), built beforehand, written in transactions of 100 to a new partition each run, one after the other as the
    /// consolidator writes its months: no read, no hash, no logic. Returns the row's name and one run, which tells <paramref name="wrote"/> its partition.
    /// </summary>
    private static (string Name, Func<string> Run) StorageFloor(CdppeStorage storage, IReadOnlyList<YearMonth> months, int iterations, Action<string> wrote)
    {
        var table = storage.Tables.GetTableClient(TableNames.Snapshots);
        var count = months.Count * 300;
        var runs = Enumerable.Range(0, iterations + 1).Select(run => // one per run, warm-up included, built before the clock starts
        {
            var partition = string.Create(CultureInfo.InvariantCulture, $"floor-{run}");
            return months
                .SelectMany(m => Enumerable.Range(0, 300).Select(i => SnapshotStore.ToEntity(partition, new MonthlySnapshot(string.Create(CultureInfo.InvariantCulture, $"O{i % 26 + 1:00}-IND-{i:000}"), "Indicateur", m, 100m + i, false, null, 1_200m, null, Pipeline.Model.SnapshotStatus.OnTrack, true, "bench"))))
                .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                .Chunk(TableBatches.MaxOperations)
                .ToList();
        }).ToList();
        var next = 0;
        return ($"{StorageFloorName} of {count:N0} snapshot rows through Azurite (transactions of 100)", () =>
        {
            var actions = runs[next++];
            foreach (var batch in actions)
            {
                table.SubmitTransactionAsync(batch).GetAwaiter().GetResult();
            }

            wrote(actions[0][0].Entity.PartitionKey);

            return string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows in {actions.Count} transactions");
        });
    }
}
