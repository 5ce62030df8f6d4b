using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/exports/annexe-2-1/{year}?departement=68</c>: the Annexe 2.1 of the year, started from the annexe of the year before, as .xlsx.</summary>
public sealed class ExportAnnexe21(AnnexeExport export)
{
    [Function(nameof(ExportAnnexe21))]
    [ApiOperation("The Annexe 2.1 of the year in the State's layout, started from the actions and the amounts the annexe of the year before planned for it; recap as formulas; as .xlsx.", Tag = "exports")]
    [ApiParameter("year", "Year of the annexe (its starting point is the annexe of the year before).", Example = "2024")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "68")]
    [ApiResponse(200, "The workbook.", ContentType = ExportCells.ContentType)]
    [ApiResponse(404, "No annexe 2.1 of the year before was ingested for the département.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/exports/annexe-2-1/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(await export.ExportAsync(departement, year, cancellationToken), Answers.File);
    }
}
