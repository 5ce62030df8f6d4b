using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// A département's own Word template, replaced from the portal or removed: the file is compiled and rendered with
/// the département's data of a year before it is stored (<c>templates/{département}/rapport-execution.docx</c>), so a
/// template that would fail the next report is refused now, with every error. That check is a rendering: it goes
/// through the instance's <see cref="ReportRenderGate"/>.
/// </summary>
public sealed class ReportTemplates(TemplateStore templates, AnnualReportService reports, ReportRenderGate gate)
{
    /// <summary>The French reason a template upload is refused from its announced size, or null.</summary>
    public static string? CheckBeforeReading(long? length) => length switch
    {
        null => "La taille du fichier n'est pas annoncée (en-tête Content-Length) : l'envoi est refusé.",
        0 => "Le fichier est vide.",
        > DocxTemplate.MaxTemplateBytes => $"Le modèle dépasse la limite de {DocxTemplate.MaxTemplateBytes / (1024 * 1024)} Mo : allégez ses images.",
        _ => null,
    };

    public static string Source(Departement departement) => $"{ContainerNames.Templates}/{AnnualReportService.TemplateBlobName(departement)}";

    /// <summary>Which template is in force for the département, and where its own would be.</summary>
    public async Task<ReportTemplateInfo> InfoAsync(Departement departement, CancellationToken cancellationToken = default)
    {
        var template = await reports.GetTemplateAsync(departement, cancellationToken);
        return new ReportTemplateInfo(template.Source, template.IsBuiltIn, Source(departement));
    }

    /// <summary>
    /// Reads the template sent (refused from its announced size before reading), checks it with the year's data,
    /// stores it; returns where it is stored, or throws <see cref="InvalidReportTemplateException"/> with every error.
    /// </summary>
    /// <param name="fileName">The name of the file sent, as refusals name it (the place it would be stored when none is given).</param>
    public async Task<Outcome<string>> ReplaceAsync(Departement departement, Stream body, long? length, int year, string? fileName = null, CancellationToken cancellationToken = default)
    {
        if (CheckBeforeReading(length) is { } refused)
        {
            return new(length > DocxTemplate.MaxTemplateBytes ? Refusal.TooLarge : Refusal.Invalid, refused);
        }

        using var buffer = new MemoryStream(); // grows as the body arrives: nothing is allocated from the announced size
        await body.CopyToAsync(buffer, cancellationToken);
        await ReplaceAsync(departement, buffer.ToArray(), year, fileName, cancellationToken);
        return new(Source(departement));
    }

    /// <summary>
    /// Stores the template, or throws <see cref="InvalidReportTemplateException"/> with every error found
    /// (<see cref="ReportRendersBusyException"/> when the instance renders too many reports already).
    /// </summary>
    public async Task ReplaceAsync(Departement departement, byte[] docx, int year, string? fileName = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var data = ReportTemplateData.Build(await reports.LoadAsync(departement, year, cancellationToken));
            await gate.RunAsync(() => Task.FromResult(DocxTemplate.Compile(docx).Render(data).Length), cancellationToken);
        }
        catch (TemplateException ex)
        {
            throw new InvalidReportTemplateException(string.IsNullOrWhiteSpace(fileName) ? Source(departement) : fileName, ex, installed: false);
        }

        await templates.WriteAsync(AnnualReportService.TemplateBlobName(departement), docx, cancellationToken);
    }

    /// <summary>Removes the département's own template: the shared one, else the built-in one, is in force again.</summary>
    public async Task<bool> RemoveAsync(Departement departement, CancellationToken cancellationToken = default) =>
        await templates.DeleteAsync(AnnualReportService.TemplateBlobName(departement), cancellationToken);
}
