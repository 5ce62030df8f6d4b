using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Hosting;

/// <summary>What the report download of both surfaces answers, written once: the .docx (its author journaled, its kept version named) or the PDF.</summary>
public static class ReportAnswers
{
    /// <summary>Header naming the version kept for a generated report (<c>GET /api/reports/annual/{year}/versions/{id}</c> gives it back).</summary>
    public const string VersionHeader = "X-Cdppe-Version";

    /// <summary>The report of the département and year as the request asks it (<c>Accept: application/pdf</c> or <c>format=pdf</c> for the PDF).</summary>
    public static async Task<IActionResult> DownloadAsync(
        HttpRequest request, Actor actor, Departement departement, int year, ReportDownloads reports, ReportPdf pdf, ActivityJournal journal, CancellationToken cancellationToken)
    {
        try
        {
            if (PdfConversionProblem.WantsPdf(request))
            {
                return Answers.From(await pdf.ReportAsync(departement, year, cancellationToken), Answers.File);
            }

            var outcome = await reports.ReportAsync(departement, year, cancellationToken);
            if (outcome.Value is { } report)
            {
                await journal.RecordAsync(actor, departement, JournalActions.Report, CampaignMessages.ReportGenerated(year, report.TemplateSource), year, cancellationToken: cancellationToken);
            }

            return Answers.From(outcome, r =>
            {
                request.HttpContext.Response.Headers[VersionHeader] = r.Version?.Id;
                return Answers.Docx(r.Content, r.FileName);
            });
        }
        catch (PdfConversionException ex)
        {
            return PdfConversionProblem.Problem(request, ex);
        }
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }
    }
}
