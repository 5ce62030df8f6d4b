namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>One compiled part of a template (the document body, a header, a footer).</summary>
internal sealed record CompiledPart(string Uri, Node Root, IReadOnlyList<TemplateTag> Tags, bool ChartsAllowed);
