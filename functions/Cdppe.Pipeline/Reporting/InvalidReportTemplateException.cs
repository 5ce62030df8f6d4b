using Cdppe.Pipeline.Reporting.Templating;

namespace Cdppe.Pipeline.Reporting;

/// <summary>A user template that cannot be used: its location and every error found in it.</summary>
public sealed class InvalidReportTemplateException(string source, TemplateException inner)
    : Exception($"Le modèle « {source} » ne peut pas être utilisé. {inner.Message}", inner)
{
    public string TemplateSource { get; } = source;

    public IReadOnlyList<TemplateError> Errors => inner.Errors;
}
