using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Api;

/// <summary><c>GET /api/exports/tableau-de-bord/{year}?departement=77</c>: the tableau de bord SNPPE filled in with the niveaux d'atteinte up to the year, as .xlsx.</summary>
public sealed class ExportTableauDeBord(TableauDeBordExport export)
{
    [Function(nameof(ExportTableauDeBord))]
    [ApiOperation("The tableau de bord SNPPE in the State's layout, with the niveau d'atteinte of every contract year up to the year, as .xlsx.", Tag = "exports")]
    [ApiParameter("year", "Last year whose niveau d'atteinte is filled in.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département (77, 2A, 971).", Required = true, Example = "77")]
    [ApiResponse(200, "The workbook.", ContentType = ExportCells.ContentType)]
    [ApiResponse(404, "No indicator was ingested for the département.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/exports/tableau-de-bord/{year}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        return bind.Problem ?? Answers.From(await export.ExportAsync(departement, year, cancellationToken), Answers.File);
    }
}
