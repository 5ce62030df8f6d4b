using System.Globalization;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting.Templating;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Builds the annual rapport d'exécution of a département from storage (<see cref="ReportInputsReader"/>), renders it
/// with the département's template (<c>templates/{dep}/rapport-execution.docx</c>, else
/// <c>templates/rapport-execution.docx</c>, else the built-in one) and keeps a copy in <c>reports/</c>. The
/// compilation and the rendering go through the instance's <see cref="ReportRenderGate"/>.
/// </summary>
public sealed class AnnualReportService(ReportInputsReader inputs, TemplateStore templateFiles, ReportFileStore files, DocxTemplateCache templates, ReportRenderGate gate, ReportTextStore texts, ReportVersions versions, TimeProvider clock, ILogger<AnnualReportService> logger)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string BuiltInSource = "modèle intégré";

    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"rapport-execution-{departement.Code}-{year}.docx");

    public static string TemplateBlobName(Departement? departement) => departement is { } d ? $"{d.Code}/{DefaultReportTemplate.FileName}" : DefaultReportTemplate.FileName;

    /// <summary>
    /// Returns null when the département has no data at all for the year; throws <see cref="InvalidReportTemplateException"/>
    /// for a broken template, <see cref="ReportRendersBusyException"/> when the instance renders too many reports already.
    /// </summary>
    public async Task<GeneratedReport?> GenerateAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Departement"] = departement.Code, ["ReportId"] = Path.GetFileNameWithoutExtension(FileName(departement, year)) });
        var loaded = await inputs.LoadAsync(departement, year, cancellationToken);
        if (loaded.IsEmpty)
        {
            return null;
        }

        var model = AnnualReportModel.Build(loaded);
        var kept = await texts.CurrentAsync(departement.Code, year, cancellationToken);
        var fragments = kept.Where(t => !string.IsNullOrEmpty(t.Fragment)).ToDictionary(t => t.Name, t => t.Fragment!, StringComparer.Ordinal);
        var textsVersion = kept.Select(t => t.UploadId).DefaultIfEmpty(string.Empty).Max(StringComparer.Ordinal)!;

        // The template is read inside the gate too: a request waiting for its turn holds no template.
        var rendered = await gate.RunAsync(() => RenderAsync(departement, model, fragments, cancellationToken), cancellationToken);
        var bytes = rendered.Bytes;
        var fileName = FileName(departement, year);
        var savedAs = await files.SaveReportAsync($"{departement.Code}/{fileName}", bytes, cancellationToken);
        var version = await versions.KeepAsync(
            new ReportVersion(versions.NewId(), departement.Code, year, clock.GetUtcNow(), fileName, bytes.Length, DocxTemplate.HashOf(bytes), loaded.DataVersion, textsVersion, rendered.Template, rendered.TemplateHash, rendered.Places),
            bytes,
            cancellationToken);
        logger.LogInformation("Generated report {FileName} ({Bytes} bytes, {Fiches} fiches, {Texts} texts) with {Template} in {Milliseconds} ms, version {Version}", fileName, bytes.Length, model.Fiches.Count, fragments.Count, rendered.Template, (int)rendered.Elapsed.TotalMilliseconds, version.Id);
        return new GeneratedReport(fileName, bytes, savedAs, rendered.Template, rendered.Elapsed) { Version = version };
    }

    private async Task<RenderedReport> RenderAsync(Departement departement, AnnualReportModel model, IReadOnlyDictionary<string, string> fragments, CancellationToken cancellationToken)
    {
        var template = await GetTemplateAsync(departement, cancellationToken);
        var started = clock.GetTimestamp();
        try
        {
            using var output = new MemoryStream();
            var compiled = templates.GetOrCompile(template.Content);
            var places = compiled.Render(ReportTemplateData.Build(model), output, fragments);
            return new RenderedReport(output.ToArray(), template.Source, compiled.Hash, places.Select(p => new ReportPlace(p.Name, p.Title, p.Help)).ToList(), clock.GetElapsedTime(started));
        }
        catch (TemplateException ex)
        {
            logger.LogWarning("Template {Template} of {Departement} is invalid: {Errors}", template.Source, departement.Code, ex.Errors.Count);
            throw new InvalidReportTemplateException(template.Source, ex);
        }
    }

    /// <summary>The template in force for a département (or the shared one, or the built-in one when <paramref name="departement"/> is null and none is shared).</summary>
    public async Task<ReportTemplate> GetTemplateAsync(Departement? departement, CancellationToken cancellationToken = default)
    {
        foreach (var name in departement is null ? [TemplateBlobName(null)] : new[] { TemplateBlobName(departement), TemplateBlobName(null) })
        {
            switch (await templateFiles.ReadAsync(name, DocxTemplate.MaxTemplateBytes, cancellationToken))
            {
                case { Content: { } content }:
                    return new ReportTemplate(content, TemplateStore.PathOf(name), IsBuiltIn: false);
                case { Size: var size }:
                    // Dropped as a blob over the limit: refused from its size, never downloaded.
                    throw new InvalidReportTemplateException(TemplateStore.PathOf(name), new TemplateException([TemplateErrors.TooLarge(size, DocxTemplate.MaxTemplateBytes)]));
                case null:
                    break;
            }
        }

        return new ReportTemplate(DefaultReportTemplate.Bytes, BuiltInSource, IsBuiltIn: true);
    }

    public async Task<AnnualReportModel> LoadAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        AnnualReportModel.Build(await inputs.LoadAsync(departement, year, cancellationToken));

    public Task<ReportInputs> LoadInputsAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        inputs.LoadAsync(departement, year, cancellationToken);
}
