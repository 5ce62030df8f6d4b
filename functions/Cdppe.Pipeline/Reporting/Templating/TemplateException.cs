using System.Globalization;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A template that cannot be compiled or rendered. Every problem found is listed (the engine does not stop at the
/// first one), each naming its tag and where it is.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(IReadOnlyList<TemplateError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    public TemplateException()
        : this([])
    {
    }

    public TemplateException(string message)
        : base(message)
    {
        Errors = [TemplateErrors.Invalid(message)];
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [TemplateErrors.Invalid(message)];
    }

    public IReadOnlyList<TemplateError> Errors { get; } = [];

    private static string Summarize(IReadOnlyList<TemplateError> errors) => errors.Count switch
    {
        0 => "Le modèle est invalide.",
        1 => "Le modèle contient une erreur : " + errors[0],
        _ => string.Create(CultureInfo.InvariantCulture, $"Le modèle contient {errors.Count} erreurs : ") + string.Join(" ; ", errors.Select(e => e.ToString())),
    };
}
