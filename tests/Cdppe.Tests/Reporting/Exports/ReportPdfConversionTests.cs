using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cdppe.Tests.Reporting.Exports;

/// <summary>The report as PDF: converted by LibreOffice through the app's queue, tagged, with bookmarks; and the limits of that queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportPdfConversionTests(AzuriteFixture azurite)
{
    private static PdfConverter Converter(PdfConversionOptions options) => new(Options.Create(options), NullLogger<PdfConverter>.Instance);

    /// <summary>A stand-in for soffice that never finishes (it sleeps), to reach the time limit and fill the queue.</summary>
    private static string SleepingSoffice()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cdppe-fake-soffice-").FullName, "soffice");
        File.WriteAllText(path, "#!/bin/sh\nexec sleep 300\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    [LibreOfficeFact]
    public async Task The2022PdfHoldsThe41FichesAndTheTotalAndIsTaggedWithBookmarks()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep.Code);

        var file = (await services.Get<ReportPdf>().ReportAsync(dep, 2022)).Value!;

        Assert.Equal(($"rapport-execution-{dep.Code}-2022.pdf", "application/pdf"), (file.FileName, file.ContentType));
        var folder = Directory.CreateTempSubdirectory("cdppe-pdf-test-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "rapport.pdf");
            await File.WriteAllBytesAsync(pdf, file.Content);
            var text = (await RunAsync("pdftotext", "-layout", pdf, "-")).Replace('\u00A0', ' ').Replace('\u202F', ' ');
            Assert.Equal(Enumerable.Range(1, 41), Regex.Matches(text, @"Fiche action (\d+) – ").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());
            Assert.Contains("31 117 173 €", text, StringComparison.Ordinal);
            Assert.Contains("Tagged:          yes", await RunAsync("pdfinfo", pdf), StringComparison.Ordinal);
            var raw = Encoding.Latin1.GetString(file.Content);
            Assert.Contains("/StructTreeRoot", raw, StringComparison.Ordinal);
            Assert.Contains("/Outlines", raw, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAnyConverterTheAnswerSaysWhatToInstall()
    {
        var services = new Services(await azurite.StorageAsync());
        var pdf = new ReportPdf(services.Get<Pipeline.Reporting.ReportDownloads>(), Converter(new PdfConversionOptions { SofficePath = "/nonexistent/soffice" }));

        var ex = await Assert.ThrowsAsync<PdfConversionException>(() => pdf.ReportAsync(TestDepartements.Next(), 2022));

        Assert.Equal(PdfConversionFailure.NoConverter, ex.Failure);
        Assert.StartsWith("La conversion en PDF n'est pas disponible sur ce serveur : installez LibreOffice (paquet Debian « libreoffice-writer-nogui », commande soffice) ou renseignez l'adresse d'un service Gotenberg dans le paramètre Cdppe:Pdf:GotenbergUrl.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConversionPastItsTimeLimitIsStoppedAndTheMessageNamesTheLimit()
    {
        using var converter = Converter(new PdfConversionOptions { SofficePath = SleepingSoffice(), TimeoutSeconds = 1 });

        var ex = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync([1, 2, 3]));

        Assert.Equal(PdfConversionFailure.TimedOut, ex.Failure);
        Assert.Equal("La conversion du rapport en PDF a dépassé la durée maximale de 1 secondes et a été arrêtée : réessayez, ou téléchargez le rapport au format Word (.docx).", ex.Message);
    }

    [Fact]
    public async Task WhenTheQueueIsFullAConversionIsRefusedAtOnceWithItsLimits()
    {
        using var converter = Converter(new PdfConversionOptions { SofficePath = SleepingSoffice(), MaxConcurrentConversions = 1, MaxQueuedConversions = 0, RetryAfterSeconds = 45 });
        using var stop = new CancellationTokenSource();
        var running = converter.ConvertAsync([1, 2, 3], stop.Token);

        var ex = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync([1, 2, 3]));

        Assert.Equal((PdfConversionFailure.Busy, 45), (ex.Failure, ex.RetryAfterSeconds));
        Assert.Equal("Trop de conversions en PDF sont en cours sur ce serveur (1 à la fois et 0 en attente au plus) : réessayez dans 45 secondes.", ex.Message);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExternalTools.Find(program) ?? program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
