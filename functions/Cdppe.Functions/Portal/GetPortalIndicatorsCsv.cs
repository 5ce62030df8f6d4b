using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/indicators/csv?departement=77&amp;annee=2022</c>: the Indicateurs page as CSV for Excel.</summary>
public sealed class GetPortalIndicatorsCsv(PortalAccess access, IndicatorSeriesService series)
{
    [Function(nameof(GetPortalIndicatorsCsv))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "indicators/csv")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        return bind.Problem ?? new FileContentResult(IndicatorSeriesService.Csv(await series.BuildAsync(departement, year, cancellationToken)), SnapshotCsv.ContentType) { FileDownloadName = $"indicateurs-{departement.Code}-{year}.csv" };
    }
}
