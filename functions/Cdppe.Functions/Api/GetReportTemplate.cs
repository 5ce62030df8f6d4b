using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Api;

/// <summary>
/// <c>GET /api/reports/template[?departement=77]</c>: the Word template of the rapport d'exécution, to edit and drop
/// back in <c>templates/</c>. Without a département: the built-in template; with one: the template in force for it
/// (its own, else the shared one, else the built-in one), named in the <c>X-Cdppe-Template</c> header.
/// </summary>
public sealed class GetReportTemplate(ReportDownloads reports)
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
        var bind = new RequestBinder(request);
        var departement = bind.OptionalDepartement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var template = await reports.TemplateAsync(departement, cancellationToken);
        request.HttpContext.Response.Headers[SourceHeader] = Uri.EscapeDataString(template.Source);
        return Answers.Docx(template.Content, DefaultReportTemplate.FileName);
    }
}
