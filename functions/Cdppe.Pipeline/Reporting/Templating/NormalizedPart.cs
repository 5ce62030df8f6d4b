using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// A part after <see cref="TemplateNormalizer"/>: every tag has a run of its own, found here by run, by tag and by
/// paragraph; bookmark names holding tags are split into text and tags. What the later stages read, never change.
/// </summary>
/// <param name="Tags">The part's tags in document order (paragraph texts and field codes, then bookmark names).</param>
/// <param name="TagRuns">The run of each value, chart or section tag, to its tag.</param>
/// <param name="RunsByTag">The other way round.</param>
/// <param name="TagParagraphs">The paragraph each tag run was found in.</param>
/// <param name="ParagraphTags">The tags of each paragraph that has some.</param>
/// <param name="BookmarkNames">Bookmark starts whose name holds tags: the name as text pieces and tags.</param>
/// <param name="KeptBookmarkIds">The ids of those bookmarks (their ends are kept as written).</param>
internal sealed record NormalizedPart(
    OpenXmlPartRootElement Root,
    string Uri,
    IReadOnlyList<TemplateTag> Tags,
    IReadOnlyDictionary<OpenXmlElement, TemplateTag> TagRuns,
    IReadOnlyDictionary<TemplateTag, OpenXmlElement> RunsByTag,
    IReadOnlyDictionary<OpenXmlElement, Paragraph> TagParagraphs,
    IReadOnlyDictionary<Paragraph, IReadOnlyList<TemplateTag>> ParagraphTags,
    IReadOnlyDictionary<OpenXmlElement, IReadOnlyList<object>> BookmarkNames,
    IReadOnlySet<string> KeptBookmarkIds);
