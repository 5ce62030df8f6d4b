using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Functions;

/// <summary>
/// <c>GET /api/reports/template[?departement=77]</c>: the Word template of the rapport d'exécution, to edit and drop
/// back in <c>templates/</c>. Without a département: the built-in template; with one: the template in force for it
/// (its own, else the shared one, else the built-in one), named in the <c>X-Cdppe-Template</c> header.
/// </summary>
public sealed class GetReportTemplate(AnnualReportService reports)
{
    public const string SourceHeader = "X-Cdppe-Template";

    [Function(nameof(GetReportTemplate))]
    [ApiOperation("The Word template of the report: the built-in one, or the one in force for the département (named in the X-Cdppe-Template header).", Tag = "reports")]
    [ApiParameter("departement", "INSEE code of the département; without it, the built-in template.", Example = "77")]
    [ApiResponse(200, "The template.", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/reports/template")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        Departement? dep = null;
        if (request.Query["departement"].FirstOrDefault() is { } departement)
        {
            if (!Problems.TryDepartement(departement, out var parsed, out var problem))
            {
                return problem;
            }

            dep = parsed;
        }

        var template = dep is null
            ? new ReportTemplate(DefaultReportTemplate.Bytes, AnnualReportService.BuiltInSource, IsBuiltIn: true)
            : await reports.GetTemplateAsync(dep.Value, cancellationToken);
        request.HttpContext.Response.Headers[SourceHeader] = Uri.EscapeDataString(template.Source);
        return new FileContentResult(template.Content, AnnualReportService.DocxContentType) { FileDownloadName = DefaultReportTemplate.FileName };
    }
}
