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
