using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A pair of section tags and what repeats between them. Whole blocks when <see cref="CutStart"/> is null;
/// otherwise a cut: the loop starts right after the opening tag's run and stops right before the closing one's,
/// so the text before the opening tag and after the closing tag (and their paragraphs' start and end) come out once.
/// </summary>
internal sealed record SectionRegion(OpenXmlElement Container, OpenXmlElement Start, OpenXmlElement End, TemplateTag Open, TemplateTag Close)
{
    public Paragraph? CutStart { get; init; }

    public Paragraph? CutEnd { get; init; }

    /// <summary>The page break of the closing tag's paragraph, written once after the last item (not once per item).</summary>
    public string? TrailingPageBreak { get; init; }
}
