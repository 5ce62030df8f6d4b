using System.Globalization;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>Where a tag sits in a template: the package part, the paragraph number in that part (1-based, document order) and its text.</summary>
public sealed record TemplateLocation(string Part, int Paragraph, string Excerpt)
{
    /// <summary>"corps du document, paragraphe 12 « Montant : {{montant}} »".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PartLabel(Part)}, paragraphe {Paragraph} « {Excerpt} »");

    public static string PartLabel(string part) => part switch
    {
        "/word/document.xml" => "corps du document",
        _ when part.Contains("header", StringComparison.OrdinalIgnoreCase) => $"en-tête {part}",
        _ when part.Contains("footer", StringComparison.OrdinalIgnoreCase) => $"pied de page {part}",
        _ => part,
    };
}

/// <summary>One problem of a template: a stable code, the tag as written, where it is and a French message.</summary>
public sealed record TemplateError(string Code, string Tag, TemplateLocation? Location, string Message)
{
    public override string ToString() => Location is null ? Message : $"{Message} ({Location})";
}

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
