using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/exports/rapport-financier/{year}?departement=77</c>: the rapport financier of the year (the report's financial table, totals as formulas), as .xlsx.</summary>
public sealed class ExportRapportFinancier(RapportFinancierExport export)
{
    [Function(nameof(ExportRapportFinancier))]
    [ApiOperation("The rapport financier of the year: planned by funder, consumed, left, rate; sub-totals and total as formulas; as .xlsx.", Tag = "exports")]
    [ApiParameter("year", "Year of the rapport financier.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The workbook.", ContentType = ExportCells.ContentType)]
    [ApiResponse(404, "No rapport financier of the year was ingested for the département.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/exports/rapport-financier/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(await export.ExportAsync(departement, year, cancellationToken), Answers.File);
    }
}
