namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A use of relationship <paramref name="Id"/> in <paramref name="Part"/>, by the attribute <paramref name="Context"/> (« a:blip r:link »).</summary>
/// <param name="AsHyperlink">The element is a link the reader may follow (<c>w:hyperlink</c>), not content to load.</param>
internal sealed record RelationshipReference(string Part, string Id, string Context, bool AsHyperlink);
