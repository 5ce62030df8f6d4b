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
        return bind.Problem ?? await ReportAnswers.DownloadAsync(request, user!.Actor, departement, year, reports, pdf, journal, cancellationToken);
    }
}
