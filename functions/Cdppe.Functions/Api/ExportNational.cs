using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/exports/national/{year}</c> (national role): the State's national workbook of the year, as .xlsx.</summary>
public sealed class ExportNational(NationalWorkbookExport export)
{
    [Function(nameof(ExportNational))]
    [ApiOperation("The State's national workbook of the year (national role): a « Synthèse » sheet with a row per département with data (kinds dropped, budget planned, consumed, % consommé, indicators by status, last consolidation) and an « Indicateurs » sheet in long format as an Excel table with its filters.", Tag = "exports")]
    [ApiParameter("year", "Year of the data.", Example = "2022")]
    [ApiResponse(200, "The workbook.", ContentType = ExportCells.ContentType)]
    [ApiResponse(403, "A département's key.")]
    [ApiResponse(404, "No département has data for the year.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/exports/national/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        return bind.Problem ?? Answers.From(await export.ExportAsync(ApiKeyCheck.ActorOf(request.HttpContext), year, cancellationToken), Answers.File);
    }
}
