using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// A user template that cannot be used: its name as users know it (the file they sent, or where the template in
/// force is stored), whether it is in force (installed) or was refused before being stored, and every error found in
/// it, each once.
/// </summary>
public sealed class InvalidReportTemplateException(string source, TemplateException inner, bool installed = true)
    : Exception($"Le modèle « {source} » ne peut pas être utilisé. {inner.Message}", inner)
{
    public string TemplateSource { get; } = source;

    /// <summary>True for a stored template (removing it brings the shared one back); false for one refused before it was stored.</summary>
    public bool Installed { get; } = installed;

    public IReadOnlyList<TemplateError> Errors { get; } = inner.Errors.DistinctBy(e => (e.Code, e.Tag, e.Location?.ToString(), e.Message)).ToList();
}
