using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Notifications;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cdppe.Tests.Campaigns;

/// <summary>
/// The report as PDF in a transmitted package: converted by LibreOffice from the package's own .docx; without a
/// converter, or with one that fails, cannot be reached or runs past its time limit, the transmission still happens and
/// the manifest and the campaign say in French that the PDF is missing and why.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportPdfPackagePartTests(AzuriteFixture azurite)
{
    private static readonly Actor Staff = new("seine", "cle:seine", ActorRole.Departement);

    /// <summary>A stand-in for soffice: a shell script with <paramref name="body"/>.</summary>
    private static string FakeSoffice(string body)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cdppe-fake-soffice-").FullName, "soffice");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>An address on 127.0.0.1 where nothing listens (a port taken, then given back).</summary>
    private static string ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    /// <summary>The app's campaign service, its PDF converter set by <paramref name="pdf"/>.</summary>
    private static CampaignService Campaigns(Services services, PdfConversionOptions pdf, out PdfConverter converter)
    {
        converter = new PdfConverter(Options.Create(pdf), NullLogger<PdfConverter>.Instance);
        IPackagePart[] parts =
        [
            new ReportPackagePart(services.Get<ReportDownloads>()),
            new ReportPdfPackagePart(converter, Options.Create(pdf), NullLogger<ReportPdfPackagePart>.Instance),
            services.Get<IEnumerable<IPackagePart>>().OfType<WorkbooksPackagePart>().Single(),
        ];
        return new CampaignService(
            services.Get<CampaignStore>(),
            services.Get<PackageStore>(),
            services.Get<IngestionStore>(),
            parts,
            services.Get<ActivityJournal>(),
            services.Get<Notifier>(),
            services.Get<NotificationStore>(),
            services.Clock);
    }

    private static async Task<(Departement Departement, Services Services)> DepartementWithDataAsync(AzuriteFixture azurite)
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropPlansAsync(dep.Code);
        return (dep, services);
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Transmits, and checks what every case shares: the .docx and the workbooks are there, each file in the manifest with its SHA-256.</summary>
    private static async Task<(TransmissionReceipt Receipt, Dictionary<string, byte[]> Files, JsonElement Manifest, CampaignView View)> TransmitAsync(CampaignService campaigns, Departement dep)
    {
        var receipt = (await campaigns.TransmitAsync(Staff, dep, 2022)).Value!;
        var files = Entries((await campaigns.PackageAsync(dep, 2022, receipt.Id)).Value!.Content);
        var manifest = JsonDocument.Parse(files[CampaignPackage.ManifestName]).RootElement.Clone();
        var view = await campaigns.ViewAsync(dep, 2022);

        Assert.Contains($"rapport-execution-{dep.Code}-2022.docx", files.Keys);
        Assert.Contains($"rapport-financier-{dep.Code}-2022.xlsx", files.Keys);
        Assert.Contains($"tableau-de-bord-snppe-{dep.Code}-2022.xlsx", files.Keys);
        Assert.Equal(files.Keys.Where(k => k != CampaignPackage.ManifestName).Order(StringComparer.Ordinal), receipt.Manifest.Select(m => m.Fichier).Order(StringComparer.Ordinal));
        Assert.All(receipt.Manifest, m => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[m.Fichier])), m.Sha256));
        Assert.Equal("transmis", view.Etat);
        return (receipt, files, manifest, view);
    }

    /// <summary>A package without its PDF: nowhere in the zip nor the manifest's files, and named with <paramref name="reason"/> in the manifest, the receipt, the campaign and the journal.</summary>
    private static async Task AssertPdfMissingAsync(CampaignService campaigns, Departement dep, string reason)
    {
        var (receipt, files, manifest, view) = await TransmitAsync(campaigns, dep);
        var pdf = $"rapport-execution-{dep.Code}-2022.pdf";

        Assert.DoesNotContain(pdf, files.Keys);
        var expected = new MissingPackageFile(pdf, reason);
        Assert.Equal([expected], receipt.Manquants);
        Assert.Equal([expected], Assert.Single(view.Tours).Manquants);
        var missing = Assert.Single(manifest.GetProperty("manquants").EnumerateArray());
        Assert.Equal((pdf, reason), (missing.GetProperty("fichier").GetString(), missing.GetProperty("raison").GetString()));
        Assert.Contains(view.Journal, e => e.Action == JournalActions.Transmission && e.Description.EndsWith($"fichiers), sans {pdf}.", StringComparison.Ordinal));
    }

    [LibreOfficeFact]
    public async Task WithLibreOfficeThePackageHoldsTheReportAsPdfConvertedFromItsOwnDocx()
    {
        var (dep, services) = await DepartementWithDataAsync(azurite);
        var campaigns = Campaigns(services, new PdfConversionOptions(), out var converter);
        using var owned = converter;

        var (receipt, files, manifest, view) = await TransmitAsync(campaigns, dep);

        var pdf = files[$"rapport-execution-{dep.Code}-2022.pdf"];
        Assert.Contains(receipt.Manifest, m => m.Fichier == $"rapport-execution-{dep.Code}-2022.pdf" && m.Octets == pdf.LongLength);
        Assert.Empty(receipt.Manquants);
        Assert.Empty(manifest.GetProperty("manquants").EnumerateArray());
        Assert.Empty(Assert.Single(view.Tours).Manquants);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = (await PdfTextAsync(pdf)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Assert.Contains("31 117 173", text, StringComparison.Ordinal);
        Assert.Contains("Fiche action 9 – ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnyConverterThePackageIsTransmittedAndSaysThePdfIsMissingAndWhy()
    {
        var (dep, services) = await DepartementWithDataAsync(azurite);
        var campaigns = Campaigns(services, new PdfConversionOptions { SofficePath = "/nonexistent/soffice" }, out var converter);
        using var owned = converter;

        await AssertPdfMissingAsync(campaigns, dep, "Le rapport au format PDF manque à ce paquet : aucun convertisseur PDF n'est disponible sur ce serveur (LibreOffice, commande soffice, ou un service Gotenberg renseigné dans Cdppe:Pdf:GotenbergUrl). Le rapport y est au format Word (.docx).");
    }

    [Fact]
    public async Task AConverterThatFailsLeavesThePdfOutWithTheReason()
    {
        var (dep, services) = await DepartementWithDataAsync(azurite);
        var campaigns = Campaigns(services, new PdfConversionOptions { SofficePath = FakeSoffice("echo 'Error: source file could not be loaded' >&2\nexit 1") }, out var converter);
        using var owned = converter;

        await AssertPdfMissingAsync(campaigns, dep, "Le rapport au format PDF manque à ce paquet : la conversion a échoué. Le rapport y est au format Word (.docx).");
    }

    [Fact]
    public async Task AConverterPastItsTimeLimitIsStoppedAndThePackageGoesWithoutThePdf()
    {
        var (dep, services) = await DepartementWithDataAsync(azurite);
        var campaigns = Campaigns(services, new PdfConversionOptions { SofficePath = FakeSoffice("exec sleep 300"), TimeoutSeconds = 1 }, out var converter);
        using var owned = converter;

        await AssertPdfMissingAsync(campaigns, dep, "Le rapport au format PDF manque à ce paquet : la conversion a dépassé la durée maximale de 1 seconde et a été arrêtée. Le rapport y est au format Word (.docx).");
    }

    [Fact]
    public async Task AGotenbergServiceThatDoesNotAnswerLeavesThePdfOutWithTheReason()
    {
        var (dep, services) = await DepartementWithDataAsync(azurite);
        var campaigns = Campaigns(services, new PdfConversionOptions { GotenbergUrl = ClosedPort() }, out var converter);
        using var owned = converter;

        await AssertPdfMissingAsync(campaigns, dep, "Le rapport au format PDF manque à ce paquet : la conversion a échoué. Le rapport y est au format Word (.docx).");
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("cdppe-package-pdf-").FullName;
        try
        {
            var path = Path.Combine(folder, "rapport.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            var start = new ProcessStartInfo(ExternalTools.Find("pdftotext") ?? "pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-layout", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext exited with {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
