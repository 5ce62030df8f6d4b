using System.Globalization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The rapport d'exécution as PDF (<c>GET /api/reports/annual/{year}</c> with <c>Accept: application/pdf</c>, and the
/// portal's PDF download): the Word report, converted by <see cref="PdfConverter"/>.
/// </summary>
public sealed class ReportPdf(ReportDownloads reports, PdfConverter converter)
{
    public const string ContentType = "application/pdf";

    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-execution-{departement.Code}-{year}.pdf");

    /// <summary>The PDF, or not found without data; a conversion that cannot happen throws <see cref="PdfConversionException"/>.</summary>
    public async Task<Outcome<FileDownload>> ReportAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        if (!converter.IsAvailable)
        {
            throw new PdfConversionException(PdfConversionFailure.NoConverter, PdfConversionException.NoConverterMessage);
        }

        var report = await reports.ReportAsync(departement, year, cancellationToken);
        return report.Value is { } docx
            ? new(new FileDownload(await converter.ConvertAsync(docx.Content, cancellationToken), ContentType, FileName(departement, year)))
            : new(report.Refused!.Value, report.Message!);
    }
}
