using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>PUT /api/portal/report/template?departement=77&amp;annee=2022</c>, body = a .docx: checked with the year's data,
/// then in force for the département (204), or refused with every error (422), named by the file sent
/// (<c>X-Cdppe-Fichier</c>, URI-encoded, as a drop). <c>DELETE</c>: back to the shared
/// or built-in template.
/// </summary>
public sealed class ReplacePortalReportTemplate(PortalAccess access, ReportTemplates templates, ActivityJournal journal)
{
    [Function(nameof(ReplacePortalReportTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", Route = PortalCall.Api + "report/template")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        var remove = HttpMethods.IsDelete(request.Method);
        var year = remove ? 0 : bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        if (remove)
        {
            await templates.RemoveAsync(departement, cancellationToken);
            await journal.RecordAsync(user!.Actor, departement, JournalActions.TemplateChange, "Retour au modèle de rapport partagé.", cancellationToken: cancellationToken);
            return new NoContentResult();
        }

        try
        {
            var fileName = Uri.UnescapeDataString(request.Headers[DropPortalFile.FileNameHeader].FirstOrDefault() ?? string.Empty);
            var outcome = await templates.ReplaceAsync(departement, request.Body, request.ContentLength, year, Path.GetFileName(fileName), cancellationToken);
            if (outcome.Value is not null)
            {
                await journal.RecordAsync(user!.Actor, departement, JournalActions.TemplateChange, "Remplacement du modèle de rapport du département.", cancellationToken: cancellationToken);
            }

            return Answers.From(outcome, _ => new NoContentResult());
        }
        catch (ReportRendersBusyException ex)
        {
            return RenderQueueFull.Problem(request, ex);
        }
    }
}
