using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cdppe.Benchmarks;

/// <summary>
/// The whole path on one machine: the standalone host on Azurite, the sample workbooks dropped into
/// <c>uploads/{dep}/</c>, every ingestion seen, a consolidation, the report downloaded. Each run uses a new département.
/// </summary>
public static class EndToEnd
{
    /// <summary>Name of the end-to-end floor: the same transfers through the same emulator, nothing processed.</summary>
    public const string FloorName = "Floor: the same workbooks uploaded and a blob of the report's size downloaded, nothing processed (same Azurite)";

    private static readonly string[] Departements = ["77", "78", "91", "92", "93", "94", "95", "2A", "2B", "971"];

    public static async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(int iterations, string samplesFolder)
    {
        var samples = Directory.GetFiles(samplesFolder, "*.xlsx").Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        await using var host = await BenchHost.StartAsync("e2e", new Dictionary<string, string?> { ["Cdppe:BlobPollSeconds"] = "0.1" });
        var storage = host.Storage;
        using var client = host.Client();
        var floorContainer = storage.Blobs.GetBlobContainerClient("benchmark-floor");
        await floorContainer.CreateIfNotExistsAsync();
        var run = 0;
        var floorRun = 0;
        var reportLength = 0;
        var floorReport = floorContainer.GetBlobClient("report.docx");
        // Alternated (run, floor, run…): the emulator slows down as it fills, and each row should see the same one.
        var (endToEnd, floor) = Measurement.RunAlternating(
            $"End to end: {samples.Count} sample workbooks dropped → report downloaded (standalone host, Azurite)",
            () =>
            {
                var dep = Departements[run++ % Departements.Length];
                var (detail, length) = RunOnceAsync(client, storage, dep, samples).GetAwaiter().GetResult();
                reportLength = length;
                return detail;
            },
            FloorName,
            () =>
            {
                if (floorRun++ == 0)
                {
                    // Once, in the warm-up: a blob as large as the first report.
                    floorReport.Upload(new BinaryData(new byte[reportLength]), overwrite: true);
                }

                return FloorOnceAsync(floorContainer, floorReport, $"run-{floorRun}", samples).GetAwaiter().GetResult();
            },
            iterations);
        return [endToEnd, floor];
    }

    /// <summary>What any pipeline of the drop and the report has to do: send the workbooks and receive the report.</summary>
    private static async Task<string> FloorOnceAsync(BlobContainerClient container, BlobClient report, string folder, List<(string Name, byte[] Bytes)> samples)
    {
        await Task.WhenAll(samples.Select(s => container.GetBlobClient($"{folder}/{s.Name}").UploadAsync(new BinaryData(s.Bytes), overwrite: true)));
        var downloaded = (await report.DownloadContentAsync()).Value.Content.ToMemory().Length;
        return string.Create(CultureInfo.InvariantCulture, $"{samples.Count} uploads, {downloaded / 1024} KB downloaded");
    }

    private static async Task<(string Detail, int ReportLength)> RunOnceAsync(HttpClient client, CdppeStorage storage, string dep, List<(string Name, byte[] Bytes)> samples)
    {
        await Task.WhenAll(samples.Select(s => storage.Uploads.GetBlobClient($"{dep}/{s.Name}").UploadAsync(new BinaryData(s.Bytes), overwrite: true)));
        JsonElement ingestions;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(50);
            ingestions = await client.GetFromJsonAsync<JsonElement>($"/api/ingestions?departement={dep}");
        }
        while (ingestions.GetArrayLength() < samples.Count && DateTime.UtcNow < deadline);

        var consolidation = await client.PostAsync(new Uri($"/api/consolidations?departement={dep}&month=2022-12", UriKind.Relative), null);
        consolidation.EnsureSuccessStatusCode();
        var report = await client.GetAsync(new Uri($"/api/reports/annual/2022?departement={dep}", UriKind.Relative));
        report.EnsureSuccessStatusCode();
        var bytes = await report.Content.ReadAsByteArrayAsync();
        var accepted = ingestions.EnumerateArray().Count(i => i.GetProperty("status").GetString() == "accepted");
        return (string.Create(CultureInfo.InvariantCulture, $"{accepted}/{samples.Count} accepted, report {bytes.Length / 1024} KB"), bytes.Length);
    }
}
