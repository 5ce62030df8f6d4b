using System.ComponentModel;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The rapport d'exécution as PDF, converted from the very .docx the package holds (registered after
/// <see cref="ReportPackagePart"/>) through the app's converter queue, bounded in time and in concurrency. Without a
/// converter, or when the conversion fails, is refused or runs past its time limit, the transmission goes on: the PDF
/// is listed as missing with the reason in French, in the manifest and in the campaign.
/// </summary>
public sealed class ReportPdfPackagePart(PdfConverter converter, IOptions<PdfConversionOptions> options, ILogger<ReportPdfPackagePart> logger) : IPackagePart
{
    public async Task AddToAsync(PackageContents package, CancellationToken cancellationToken)
    {
        if (package.Find(AnnualReportService.FileName(package.Departement, package.Year)) is not { } docx)
        {
            return;
        }

        var name = ReportPdf.FileName(package.Departement, package.Year);
        if (!converter.IsAvailable)
        {
            package.AddMissing(name, CampaignMessages.PdfMissing(PdfConversionFailure.NoConverter, options.Value));
            return;
        }

        try
        {
            package.Add(new PackageFile(name, await converter.ConvertAsync(docx.Content, cancellationToken)));
        }
        catch (PdfConversionException ex)
        {
            logger.LogWarning(ex, "The package of {Departement} {Year} goes without its PDF: {Failure}.", package.Departement.Code, package.Year, ex.Failure);
            package.AddMissing(name, CampaignMessages.PdfMissing(ex.Failure, options.Value));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Win32Exception)
        {
            // The converter could not be reached or started (a Gotenberg service down, soffice not runnable).
            logger.LogWarning(ex, "The package of {Departement} {Year} goes without its PDF: the converter could not be reached.", package.Departement.Code, package.Year);
            package.AddMissing(name, CampaignMessages.PdfMissing(PdfConversionFailure.Failed, options.Value));
        }
    }
}
