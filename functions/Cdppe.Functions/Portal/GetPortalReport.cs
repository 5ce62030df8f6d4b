using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/report?departement=77&amp;annee=2022</c>: generates and downloads the rapport d'exécution (as PDF with <c>&amp;format=pdf</c>).</summary>
public sealed class GetPortalReport(PortalAccess access, ReportDownloads reports, ReportPdf pdf, ActivityJournal journal)
{
    [Function(nameof(GetPortalReport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "report")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        try
        {
            if (bind.Problem is { } problem)
            {
                return problem;
            }

            if (PdfConversionProblem.WantsPdf(request))
            {
                return Answers.From(await pdf.ReportAsync(departement, year, cancellationToken), Answers.File);
            }

            var outcome = await reports.ReportAsync(departement, year, cancellationToken);
            if (outcome.Value is { } report)
            {
                await journal.RecordAsync(user!.Actor, departement, JournalActions.Report, CampaignMessages.ReportGenerated(year, report.TemplateSource), year, cancellationToken: cancellationToken);
            }

            return Answers.From(outcome, r => Answers.Docx(r.Content, r.FileName));
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
