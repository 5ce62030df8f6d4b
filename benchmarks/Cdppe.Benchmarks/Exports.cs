using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Benchmarks;

/// <summary>
/// What a département sends the State, on the standalone host and Azurite with 77's six samples ingested and 2022
/// consolidated: the tableau de bord SNPPE export next to its floor, and the report as PDF next to its .docx
/// rendering and to LibreOffice run directly on the same .docx.
/// </summary>
public static class Exports
{
    public const string TableauDeBordName = "Tableau de bord SNPPE of 77 for 2022 (GET /api/exports/tableau-de-bord/2022)";

    public const string TableauDeBordFloorName = "Floor: 77's snapshots of 2020-2022 and indicator sources read raw, the export's parts written into a package";

    public const string DocxName = "Report of 77 for 2022 as .docx (GET /api/reports/annual/2022)";

    public const string PdfName = "Report of 77 for 2022 as PDF (the same route, Accept: application/pdf; rendering + LibreOffice)";

    public const string PdfFloorName = "Floor: soffice --headless --convert-to pdf on the same .docx (its profile kept between runs)";

    private static readonly string[] SixSamples =
        ["plan-action-2020-2022.xlsx", "synthese-objectifs-2020-2022.xlsx", "tableau-de-bord-2020.xlsx", "rapport-financier-2022.xlsx", "bilans-fiches-2022.xlsx", "suivi-mensuel-2022.xlsx"];

    private const string Source = "77";
    private const int Year = 2022;

    public static async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(int exportIterations, int pdfIterations, string samplesFolder)
    {
        await using var host = await BenchHost.StartAsync("exports");
        using var api = host.Client(TimeSpan.FromMinutes(5));
        var ingestor = host.Services.GetRequiredService<WorkbookIngestor>();
        foreach (var name in SixSamples)
        {
            await ingestor.IngestBytesAsync($"{Source}/{name}", await File.ReadAllBytesAsync(Path.Combine(samplesFolder, name)), DateTimeOffset.UtcNow);
        }

        var source = Pipeline.Model.Departement.TryParse(Source, out var dep) ? dep.Value : throw new InvalidOperationException(Source);
        await host.Services.GetRequiredService<Pipeline.Consolidation.ConsolidationRunner>().ConsolidateYearAsync(Year, "benchmark", [source]);

        var tables = new TableServiceClient(host.Azurite.ConnectionString);
        var results = new List<MeasurementResult>();
        results.AddRange(TableauDeBordRows(api, tables, exportIterations));
        results.AddRange(PdfRows(api, pdfIterations));
        return results;
    }

    private static IEnumerable<MeasurementResult> TableauDeBordRows(HttpClient api, TableServiceClient tables, int iterations)
    {
        var route = $"/api/exports/tableau-de-bord/{Year}?departement={Source}";
        var exported = Array.Empty<byte>();
        var export = Measurement.Run(TableauDeBordName, iterations, () =>
        {
            exported = Get(api, route, null).GetAwaiter().GetResult();
            return string.Create(CultureInfo.InvariantCulture, $"{exported.Length / 1024.0:N1} KB");
        });

        // Inflated once, before the floor's runs: the floor builds nothing, it only reads and writes.
        var parts = PackageFloor.Parts(exported);
        var snapshots = tables.GetTableClient(TableNames.Snapshots);
        var sources = tables.GetTableClient(TableNames.IndicatorSources);
        var floor = Measurement.Run(TableauDeBordFloorName, iterations, () =>
        {
            var rows = ReadRawAsync([(snapshots, "2020-"), (snapshots, "2021-"), (snapshots, "2022-"), (sources, null)]).GetAwaiter().GetResult();
            var length = PackageFloor.Package(parts);
            return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows read, {parts.Count} parts ({parts.Sum(p => p.Bytes.Length) / 1024.0:N0} KB of XML) packaged into {length / 1024.0:N1} KB");
        });
        return [export, floor];
    }

    private static IEnumerable<MeasurementResult> PdfRows(HttpClient api, int iterations)
    {
        var route = $"/api/reports/annual/{Year}?departement={Source}";
        var docx = Array.Empty<byte>();
        var rendering = Measurement.Run(DocxName, iterations, () =>
        {
            docx = Get(api, route, null).GetAwaiter().GetResult();
            return string.Create(CultureInfo.InvariantCulture, $"{docx.Length / 1024.0:N0} KB");
        });
        var soffice = LocalTools.FindOnPath("soffice");
        if (soffice is null)
        {
            const string missing = "not measured: LibreOffice (soffice) is not installed";
            return
            [
                rendering,
                new MeasurementResult(PdfName, 0, double.NaN, double.NaN, double.NaN, double.NaN, missing),
                new MeasurementResult(PdfFloorName, 0, double.NaN, double.NaN, double.NaN, double.NaN, missing),
            ];
        }

        var pdf = Measurement.Run(PdfName, iterations, () =>
        {
            var bytes = Get(api, route, "application/pdf").GetAwaiter().GetResult();
            return string.Create(CultureInfo.InvariantCulture, $"{bytes.Length / 1024.0:N0} KB of PDF");
        });

        var folder = Path.Combine(Workloads.Folder, "soffice-floor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "rapport.docx");
        File.WriteAllBytes(input, docx);
        try
        {
            var floor = Measurement.Run(PdfFloorName, iterations, () => ConvertDirectly(soffice, folder, input));
            return [rendering, pdf, floor];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>LibreOffice's own conversion of the .docx, as anyone would run it: one process, the plain PDF filter.</summary>
    private static string ConvertDirectly(string soffice, string folder, string input)
    {
        var output = Path.Combine(folder, "out");
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-env:UserInstallation={new Uri(Path.Combine(folder, "profile")).AbsoluteUri}", "--headless", "--norestore", "--nologo", "--convert-to", "pdf", "--outdir", output, input })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var pdf = Path.Combine(output, "rapport.pdf");
        if (process.ExitCode != 0 || !File.Exists(pdf))
        {
            throw new InvalidOperationException($"soffice exited with {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }

        var length = new FileInfo(pdf).Length;
        File.Delete(pdf);
        return string.Create(CultureInfo.InvariantCulture, $"{length / 1024.0:N0} KB of PDF");
    }

    private static async Task<byte[]> Get(HttpClient api, string route, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(route, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await api.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Rows of the source département read raw, one query at a time (all its partition when no row prefix is given).</summary>
    private static async Task<long> ReadRawAsync(List<(TableClient Table, string? RowPrefix)> reads)
    {
        var rows = 0L;
        foreach (var (table, prefix) in reads)
        {
            var filter = prefix is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {Source}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {Source} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
            await foreach (var _ in table.QueryAsync<TableEntity>(filter))
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>The section of the page.</summary>
    public static void Render(StringBuilder page, IReadOnlyList<MeasurementResult> rows)
    {
        var culture = CultureInfo.InvariantCulture;
        page.AppendLine("## Exports");
        page.AppendLine();
        page.AppendLine("What a département sends the State, through the standalone host on Azurite, after 77's six sample workbooks were ingested and its 2022 consolidated; every row after one untimed run. *Tableau de bord SNPPE*: the filled-in workbook of 77 for 2022 downloaded from its route. Its *floor*, in the same process and on the same emulator, reads raw the rows the export cannot do without (77's snapshots of the contract's three years and its indicator sources) and writes the exported workbook's parts, inflated beforehand, into a new package at the default compression: nothing is looked up, merged or laid out. *Report as PDF*: the report route asked for `application/pdf`, which renders the .docx and converts it with LibreOffice (`soffice --headless`, tagged PDF and bookmarks, a profile of its own in a new temporary folder for each conversion, one conversion at a time); it is shown next to the .docx rendering alone (the same route without the header; that rendering's own floor is in the report rendering section) and next to its *floor*, `soffice --headless --convert-to pdf` run directly on the same .docx with the plain PDF filter and a profile kept from one run to the next: LibreOffice's own start and conversion, which no converter built on it can beat. There is no peer program for these exports.");
        page.AppendLine();
        page.AppendLine("| workload | runs | median ms | min ms | peak memory MB | ratio to floor | ratio to the .docx rendering | detail |");
        page.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var tableauFloor = rows.FirstOrDefault(r => r.Name == TableauDeBordFloorName);
        var pdfFloor = rows.FirstOrDefault(r => r.Name == PdfFloorName);
        var docx = rows.FirstOrDefault(r => r.Name == DocxName);
        foreach (var r in rows)
        {
            var floor = r.Name is TableauDeBordName or TableauDeBordFloorName ? tableauFloor : r.Name is PdfName or PdfFloorName ? pdfFloor : null;
            var toDocx = r.Name is PdfName or PdfFloorName or DocxName ? Ratio(r, docx) : string.Empty;
            page.AppendLine(string.Create(culture, $"| {r.Name} | {r.Iterations} | {Number(r.MedianMs, "N1")} | {Number(r.MinMs, "N1")} | {Number(r.PeakWorkingSetMb, "N0")} | {Ratio(r, floor)} | {toDocx} | {r.Detail} |"));
        }

        page.AppendLine();
    }

    /// <summary>The lines of the targets table (issue: no time target set for these exports).</summary>
    public static IEnumerable<string> TargetLines(IReadOnlyList<MeasurementResult> results)
    {
        var culture = CultureInfo.InvariantCulture;
        var tableau = results.FirstOrDefault(r => r.Name == TableauDeBordName);
        var tableauFloor = results.FirstOrDefault(r => r.Name == TableauDeBordFloorName);
        yield return tableau is null || tableauFloor is null || double.IsNaN(tableau.MedianMs)
            ? "| tableau de bord SNPPE export (77, 2022) | not measured in this run | run `harness --only exports` |"
            : string.Create(culture, $"| tableau de bord SNPPE export (77, 2022) | {tableau.MedianMs:N0} ms, {Ratio(tableau, tableauFloor)} its floor ({tableauFloor.MedianMs:N0} ms) | measured, no target set |");
        var pdf = results.FirstOrDefault(r => r.Name == PdfName);
        var docx = results.FirstOrDefault(r => r.Name == DocxName);
        var pdfFloor = results.FirstOrDefault(r => r.Name == PdfFloorName);
        yield return pdf is null || docx is null || pdfFloor is null || double.IsNaN(pdf.MedianMs)
            ? $"| report as PDF (77, 2022) | {pdf?.Detail ?? "not measured in this run"} | run `harness --only exports` where LibreOffice is installed |"
            : string.Create(culture, $"| report as PDF (77, 2022) | {pdf.MedianMs:N0} ms: {Ratio(pdf, docx)} the .docx rendering ({docx.MedianMs:N0} ms), {Ratio(pdf, pdfFloor)} LibreOffice alone ({pdfFloor.MedianMs:N0} ms) | measured, no target set |");
    }

    private static string Number(double value, string format) => double.IsNaN(value) || value < 0 ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Ratio(MeasurementResult row, MeasurementResult? reference) =>
        reference is null || double.IsNaN(row.MedianMs) || double.IsNaN(reference.MedianMs) ? string.Empty : (row.MedianMs / reference.MedianMs).ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
