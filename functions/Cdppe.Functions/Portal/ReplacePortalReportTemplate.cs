using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>PUT /api/portal/report/template?departement=77&amp;annee=2022</c>, body = a .docx: checked with the year's data,
/// then in force for the département (204), or refused with every error (422). <c>DELETE</c>: back to the shared
/// or built-in template.
/// </summary>
public sealed class ReplacePortalReportTemplate(PortalAccess access, PortalTemplates templates)
{
    [Function(nameof(ReplacePortalReportTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", Route = PortalCall.Api + "report/template")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsDelete(request.Method))
        {
            var removal = await PortalCall.DepartementAsync(request, access, change: true, cancellationToken);
            if (removal.Problem is { } refused)
            {
                return refused;
            }

            await templates.RemoveAsync(removal.Departement, cancellationToken);
            return new NoContentResult();
        }

        var call = await PortalCall.DepartementYearAsync(request, access, change: true, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var (departement, year) = (call.Departement, call.Year);
        if (PortalTemplates.CheckBeforeReading(request.ContentLength) is { } tooLarge)
        {
            return request.ContentLength > DocxTemplate.MaxTemplateBytes ? Problems.Problem(StatusCodes.Status413PayloadTooLarge, tooLarge) : Problems.BadRequest(tooLarge);
        }

        // Grows with what arrives, never to the length announced before the bytes are there.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        try
        {
            await templates.ReplaceAsync(departement, buffer.ToArray(), year, cancellationToken);
            return new NoContentResult();
        }
        catch (InvalidReportTemplateException ex)
        {
            return Problems.InvalidTemplate(ex);
        }
        catch (ReportRendersBusyException ex)
        {
            return Functions.RenderQueueFull.Problem(request, ex);
        }
    }
}
