using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// Converts a .docx to a tagged PDF with its headings as bookmarks and its fonts embedded, by Gotenberg (its
/// LibreOffice route, PDF/UA) when a URL is set, else by <c>soffice --headless</c> (LibreOffice's PDF export filter
/// with <c>UseTaggedPDF</c> and <c>ExportBookmarks</c>), in a queue: <see cref="PdfConversionOptions.MaxConcurrentConversions"/>
/// at once, <see cref="PdfConversionOptions.MaxQueuedConversions"/> waiting, each stopped (its process tree killed,
/// its request cancelled) after <see cref="PdfConversionOptions.TimeoutSeconds"/>. Failures are <see cref="PdfConversionException"/>.
/// </summary>
public sealed class PdfConverter(IOptions<PdfConversionOptions> options, ILogger<PdfConverter> logger) : IDisposable
{
    /// <summary>LibreOffice's PDF export options (JSON form, LibreOffice 7.4 and later).</summary>
    public const string SofficeFilter = "pdf:writer_pdf_Export:{\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"},\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"false\"}}";

    private readonly PdfConversionOptions settings = options.Value;
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentConversions, options.Value.MaxConcurrentConversions);
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int admitted;

    /// <summary>Whether a converter is configured or installed.</summary>
    public bool IsAvailable => !string.IsNullOrEmpty(settings.GotenbergUrl) || Soffice() is not null;

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        var soffice = Soffice();
        if (string.IsNullOrEmpty(settings.GotenbergUrl) && soffice is null)
        {
            throw new PdfConversionException(PdfConversionFailure.NoConverter, PdfConversionException.NoConverterMessage);
        }

        if (Interlocked.Increment(ref admitted) > settings.MaxConcurrentConversions + settings.MaxQueuedConversions)
        {
            Interlocked.Decrement(ref admitted);
            throw new PdfConversionException(PdfConversionFailure.Busy, PdfConversionException.BusyMessage(settings), settings.RetryAfterSeconds);
        }

        try
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
                try
                {
                    return string.IsNullOrEmpty(settings.GotenbergUrl)
                        ? await SofficeAsync(soffice!, docx, limit.Token)
                        : await GotenbergAsync(new Uri(settings.GotenbergUrl), docx, limit.Token);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("PDF conversion stopped after {Seconds} s.", settings.TimeoutSeconds);
                    throw new PdfConversionException(PdfConversionFailure.TimedOut, PdfConversionException.TimedOutMessage(settings), 0, ex);
                }
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }

    public void Dispose()
    {
        slots.Dispose();
        http.Dispose();
    }

    private string? Soffice()
    {
        if (!string.IsNullOrEmpty(settings.SofficePath))
        {
            return File.Exists(settings.SofficePath) ? settings.SofficePath : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "soffice"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>One LibreOffice process with a profile of its own in a temporary folder, removed afterwards.</summary>
    private async Task<byte[]> SofficeAsync(string soffice, byte[] docx, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("cdppe-pdf-").FullName;
        try
        {
            var source = Path.Combine(folder, "rapport.docx");
            await File.WriteAllBytesAsync(source, docx, cancellationToken);
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { $"-env:UserInstallation={new Uri(Path.Combine(folder, "profile")).AbsoluteUri}", "--headless", "--norestore", "--nologo", "--convert-to", SofficeFilter, "--outdir", folder, source })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfConversionException(PdfConversionFailure.Failed, PdfConversionException.FailedMessage);
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var pdf = Path.Combine(folder, "rapport.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                logger.LogError("soffice exited with {Code}: {Output} {Error}", process.ExitCode, await output, await error);
                throw new PdfConversionException(PdfConversionFailure.Failed, PdfConversionException.FailedMessage);
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not remove {Folder}.", folder);
            }
        }
    }

    /// <summary>Gotenberg's LibreOffice route: PDF/UA (tagged), bookmarks from the headings.</summary>
    private async Task<byte[]> GotenbergAsync(Uri baseUrl, byte[] docx, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue(AnnualReportService.DocxContentType);
        form.Add(file, "files", "rapport.docx");
        form.Add(new StringContent("true"), "pdfua");
        form.Add(new StringContent("true"), "exportBookmarks");
        using var response = await http.PostAsync(new Uri(baseUrl, "forms/libreoffice/convert"), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogError("Gotenberg answered {Status}.", (int)response.StatusCode);
            throw new PdfConversionException(PdfConversionFailure.Failed, PdfConversionException.FailedMessage);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
