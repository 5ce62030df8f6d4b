using System.Globalization;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/reports/annual/{year}?departement=77</c>: the rapport d'exécution as .docx.</summary>
public static class GenerateAnnualReportApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/annual/{year}", async (string year, string? departement, AnnualReportService reports, CancellationToken cancellationToken) =>
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                return Problems.BadRequest($"« {year} » n'est pas une année valide (attendu : une année sur quatre chiffres, par exemple 2022).");
            }

            if (!Problems.TryDepartement(departement, out var dep, out var problem))
            {
                return problem!;
            }

            GeneratedReport? report;
            try
            {
                report = await reports.GenerateAsync(dep, y, cancellationToken);
            }
            catch (InvalidReportTemplateException ex)
            {
                return Problems.InvalidTemplate(ex);
            }
            catch (Pipeline.Storage.DepartementBusyException ex)
            {
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Indisponible");
            }

            return report is null
                ? Problems.NotFound($"Aucune donnée n'a été importée pour le département {dep.Code} en {y} : déposez d'abord ses classeurs dans uploads/{dep.Code}/.")
                : Results.File(report.Content, AnnualReportService.DocxContentType, report.FileName);
        }).WithName("GenerateAnnualReport");
}
