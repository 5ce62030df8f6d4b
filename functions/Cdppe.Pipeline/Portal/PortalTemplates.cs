using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>
/// A département's own Word template, replaced from the portal: the file is compiled and rendered with the
/// département's data of a year before it is stored (<c>templates/{département}/rapport-execution.docx</c>), so a
/// template that would fail the next report is refused now, with every error. That check is a rendering: it goes
/// through the instance's <see cref="ReportRenderGate"/>.
/// </summary>
public sealed class PortalTemplates(TemplateStore templates, AnnualReportService reports, PortalReader reader, ReportRenderGate gate)
{
    /// <summary>The French reason a template upload is refused from its announced size, or null.</summary>
    public static string? CheckBeforeReading(long? length) => length switch
    {
        null => "La taille du fichier n'est pas annoncée (en-tête Content-Length) : l'envoi est refusé.",
        0 => "Le fichier est vide.",
        > DocxTemplate.MaxTemplateBytes => $"Le modèle dépasse la limite de {DocxTemplate.MaxTemplateBytes / (1024 * 1024)} Mo : allégez ses images.",
        _ => null,
    };

    /// <summary>The blank input workbook of a kind for the département and year (the suivi-mensuel one lists its indicators), or null for an unknown kind.</summary>
    public async Task<(byte[] Content, string FileName)?> InputWorkbookAsync(string kind, Departement departement, int year, CancellationToken cancellationToken = default)
    {
        if (!InputTemplates.Kinds.Contains(kind))
        {
            return null;
        }

        var indicators = kind == WorkbookKinds.SuiviMensuel ? await reader.IndicatorsAsync(departement, cancellationToken) : [];
        return (InputTemplates.Build(kind, year, indicators, departement.Code)!, $"modele-{kind}-{departement.Code}-{year}.xlsx");
    }

    public static string Source(Departement departement) => TemplateStore.PathOf(AnnualReportService.TemplateBlobName(departement));

    /// <summary>
    /// Stores the template, or throws <see cref="InvalidReportTemplateException"/> with every error found
    /// (<see cref="ReportRendersBusyException"/> when the instance renders too many reports already).
    /// </summary>
    public async Task ReplaceAsync(Departement departement, byte[] docx, int year, CancellationToken cancellationToken = default)
    {
        try
        {
            var data = ReportTemplateData.Build(await reports.LoadAsync(departement, year, cancellationToken));
            await gate.RunAsync(() => Task.FromResult(DocxTemplate.Compile(docx).Render(data).Length), cancellationToken);
        }
        catch (TemplateException ex)
        {
            throw new InvalidReportTemplateException(Source(departement), ex);
        }

        await templates.WriteAsync(AnnualReportService.TemplateBlobName(departement), docx, cancellationToken);
    }

    /// <summary>Removes the département's own template: the shared one, else the built-in one, is in force again.</summary>
    public async Task<bool> RemoveAsync(Departement departement, CancellationToken cancellationToken = default) =>
        await templates.DeleteAsync(AnnualReportService.TemplateBlobName(departement), cancellationToken);
}
