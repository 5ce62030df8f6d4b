using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Benchmarks;

/// <summary>
/// The portal on the standalone host and Azurite: a drop until the page would show « importé » (one workbook, the
/// six samples), next to the same uploads alone; then 101 départements holding a year of data, and the first load
/// of the national page and of a département's Indicateurs page, and the national workbook, each next to its floor.
/// </summary>
public static class PortalAtScale
{
    public const string DropFloorName = "Floor: the same uploads into a container, nothing processed (same Azurite)";

    /// <summary>The six sample workbooks a département drops for its report.</summary>
    private static readonly string[] SixSamples =
        ["plan-action-2020-2022.xlsx", "synthese-objectifs-2020-2022.xlsx", "tableau-de-bord-2020.xlsx", "rapport-financier-2022.xlsx", "bilans-fiches-2022.xlsx", "suivi-mensuel-2022.xlsx"];

    private const string OneSample = "suivi-mensuel-2022.xlsx";
    private const string Source = "77";
    private const int Year = 2022;

    /// <summary>Every département code (the 101), as the national consolidation workload lists them.</summary>
    private static List<string> Codes() => Enumerable.Range(1, 95).Where(n => n != 20).Select(n => n.ToString("D2", CultureInfo.InvariantCulture))
        .Concat(["2A", "2B", "971", "972", "973", "974", "976"]).ToList();

    public static async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(int iterations, int departements, string samplesFolder)
    {
        var samples = SixSamples.Select(n => (Name: n, Bytes: File.ReadAllBytes(Path.Combine(samplesFolder, n)))).ToList();
        // The host's default poll (2 s): a drop that waited for it would show.
        await using var host = await BenchHost.StartAsync("portal");
        using var api = host.Client();
        var results = new List<MeasurementResult>();
        results.AddRange(DropRows(api, host.Storage, samples, iterations));
        results.AddRange(await PageRowsAsync(host.Services, host.Azurite.ConnectionString, host.BaseAddress, samples, iterations, departements));
        return results;
    }

    private static IEnumerable<MeasurementResult> DropRows(HttpClient api, CdppeStorage storage, List<(string Name, byte[] Bytes)> samples, int iterations)
    {
        var floorContainer = storage.Blobs.GetBlobContainerClient("benchmark-floor");
        floorContainer.CreateIfNotExists();
        // Départements of their own (the same bytes dropped again in one are not ingested again).
        var free = new Queue<string>(Codes().Where(c => c is not Source).Reverse());
        foreach (var (label, files) in new[] { ("one workbook", samples.Where(s => s.Name == OneSample).ToList()), ("six sample workbooks", samples) })
        {
            var floorRun = 0;
            var (drop, floor) = Measurement.RunAlternating(
                $"Drop to « importé »: {label} through the upload route (standalone host, poll every 2 s)",
                () => DropOnceAsync(api, free.Dequeue(), files).GetAwaiter().GetResult(),
                $"{DropFloorName}: {label}",
                () =>
                {
                    var folder = $"run-{label.Length}-{floorRun++}";
                    Task.WhenAll(files.Select(s => floorContainer.GetBlobClient($"{folder}/{s.Name}").UploadAsync(new BinaryData(s.Bytes), overwrite: true))).GetAwaiter().GetResult();
                    return $"{files.Count} uploads";
                },
                iterations);
            yield return drop;
            yield return floor;
        }
    }

    /// <summary>Uploads the files at once, then asks every 20 ms until each has its ingestion record (what the page shows as « importé »).</summary>
    private static async Task<string> DropOnceAsync(HttpClient api, string departement, List<(string Name, byte[] Bytes)> files)
    {
        await Task.WhenAll(files.Select(async s =>
            (await api.PutAsync(new Uri($"/api/uploads/{departement}/{s.Name}", UriKind.Relative), new ByteArrayContent(s.Bytes))).EnsureSuccessStatusCode()));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        JsonElement records;
        do
        {
            await Task.Delay(20);
            records = await api.GetFromJsonAsync<JsonElement>($"/api/ingestions?departement={departement}");
        }
        while (records.GetArrayLength() < files.Count && DateTime.UtcNow < deadline);
        var accepted = records.EnumerateArray().Count(i => i.GetProperty("status").GetString() == "accepted");
        return string.Create(CultureInfo.InvariantCulture, $"{accepted}/{files.Count} accepted");
    }

    private static async Task<IReadOnlyList<MeasurementResult>> PageRowsAsync(IServiceProvider services, string connectionString, Uri baseAddress, List<(string Name, byte[] Bytes)> samples, int iterations, int departements)
    {
        // One département's year ingested and consolidated, then its rows copied into the partitions of the others.
        var ingestor = services.GetRequiredService<WorkbookIngestor>();
        foreach (var (name, bytes) in samples)
        {
            await ingestor.IngestBytesAsync($"{Source}/{name}", bytes, DateTimeOffset.UtcNow);
        }

        await services.GetRequiredService<Pipeline.Consolidation.ConsolidationRunner>().ConsolidateYearAsync(Year, "benchmark", [Pipeline.Model.Departement.TryParse(Source, out var source) ? source.Value : throw new InvalidOperationException(Source)]);

        var tables = new TableServiceClient(connectionString);
        var copied = 0L;
        var targets = Codes().Where(c => c != Source).Take(departements - 1).ToList();
        var load = Stopwatch.StartNew();
        foreach (var table in TableNames.All.Where(t => t is not TableNames.BlobReceipts and not TableNames.PortalSessions))
        {
            var client = tables.GetTableClient(table);
            var rows = new List<TableEntity>();
            await foreach (var row in client.QueryAsync<TableEntity>(e => e.PartitionKey == Source))
            {
                rows.Add(row);
            }

            await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (target, token) =>
            {
                foreach (var chunk in rows.Chunk(100))
                {
                    var actions = chunk.Select(r =>
                    {
                        var copy = new TableEntity(r.Where(p => p.Key is not "odata.etag" and not "Timestamp").ToDictionary(p => p.Key, p => p.Value)) { PartitionKey = target, RowKey = r.RowKey };
                        return new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy);
                    });
                    await client.SubmitTransactionAsync(actions, token);
                    Interlocked.Add(ref copied, chunk.Length);
                }
            });
        }

        // The national views' directory of départements: each copied one as if it had dropped its workbooks.
        var directory = services.GetRequiredService<DepartementSummaryStore>();
        foreach (var target in targets)
        {
            await directory.TouchAsync(target, DateTimeOffset.UtcNow);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {departements} départements loaded: {copied:N0} rows copied in {load.Elapsed.TotalSeconds:N0} s"));
        var loaded = string.Create(CultureInfo.InvariantCulture, $"{departements} départements × {Year}");
        using var nationalSession = await SignInAsync(baseAddress, "national");
        using var departementSession = await SignInAsync(baseAddress, Source);
        var summaries = tables.GetTableClient(TableNames.DepartementSummaries);
        var snapshots = tables.GetTableClient(TableNames.Snapshots);
        var all = targets.Prepend(Source).ToList();

        // The first view of a year derives each département's contracts and computes its summary; the page asks two
        // years at once, and two derivations of one département's contracts at once fail (404 on the rows the other
        // replaced), so the first view of each year is made alone, untimed, before the page's own untimed load.
        foreach (var year in new[] { Year, Year - 1 })
        {
            await nationalSession.GetStringAsync(new Uri($"/api/portal/national?annee={year}", UriKind.Relative));
        }

        var national = Measurement.Run(
            $"Portal: first load of the national page ({loaded}; page, session, context, the year and the one before)",
            iterations,
            () => PageAsync(nationalSession, "/national", "context?national=oui&annee=2022", $"national?annee={Year}", $"national?annee={Year - 1}").GetAwaiter().GetResult());
        var nationalFloor = Measurement.Run(
            $"Floor: the national page's HTML and session, and the national summaries' directory and the two years read raw ({loaded})",
            iterations,
            () => FloorAsync(nationalSession, "/national", new[] { DepartementSummaryStore.DirectoryPartition, $"{Year}", $"{Year - 1}" }.Select(p => (summaries, p, (string?)null)).ToList()).GetAwaiter().GetResult());
        var indicators = Measurement.Run(
            $"Portal: first load of a département's Indicateurs page ({loaded}; page, session, context, series)",
            iterations,
            () => PageAsync(departementSession, "/indicateurs", $"context?departement={Source}&annee={Year}", $"indicators?departement={Source}&annee={Year}").GetAwaiter().GetResult());
        var indicatorsFloor = Measurement.Run(
            $"Floor: the Indicateurs page's HTML and session, and the département's snapshots of {Year} read raw ({loaded})",
            iterations,
            () => FloorAsync(departementSession, "/indicateurs", [(snapshots, Source, $"{Year}-")]).GetAwaiter().GetResult());
        using var api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        api.DefaultRequestHeaders.Add("x-functions-key", "bench");
        return [national, nationalFloor, indicators, indicatorsFloor, .. NationalWorkbook.Rows(api, tables, all, Year, iterations, loaded)];
    }

    /// <summary>What a browser asks for a page: its HTML and the session, then its data calls at once; returns the bytes of data.</summary>
    private static async Task<string> PageAsync(HttpClient session, string page, params string[] calls)
    {
        await Task.WhenAll(session.GetStringAsync(new Uri(page, UriKind.Relative)), session.GetStringAsync(new Uri("/api/portal/session", UriKind.Relative)));
        var context = await session.GetStringAsync(new Uri("/api/portal/" + calls[0], UriKind.Relative));
        var data = await Task.WhenAll(calls.Skip(1).Select(c => session.GetStringAsync(new Uri("/api/portal/" + c, UriKind.Relative))));
        return string.Create(CultureInfo.InvariantCulture, $"{(context.Length + data.Sum(d => d.Length)) / 1024} KB of data");
    }

    private static async Task<string> FloorAsync(HttpClient session, string page, List<(TableClient Table, string Partition, string? RowPrefix)> reads)
    {
        await Task.WhenAll(session.GetStringAsync(new Uri(page, UriKind.Relative)), session.GetStringAsync(new Uri("/api/portal/session", UriKind.Relative)));
        var rows = 0L;
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (read, token) =>
        {
            var filter = read.RowPrefix is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {read.Partition}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {read.Partition} and RowKey ge {read.RowPrefix} and RowKey lt {read.RowPrefix + "~"}");
            await foreach (var _ in read.Table.QueryAsync<TableEntity>(filter, cancellationToken: token))
            {
                Interlocked.Increment(ref rows);
            }
        });
        return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows read");
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string scope)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/session") { Content = JsonContent.Create(new { cle = "bench", perimetre = scope }) };
        request.Headers.Add("X-Cdppe-Csrf", "sign-in");
        request.Headers.Add("Origin", baseAddress.GetLeftPart(UriPartial.Authority));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        return client;
    }
}
