namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A tag found in a paragraph's joined text: <c>[Start, End)</c> covers the delimiters.</summary>
public readonly record struct LexedTag(int Start, int End, string Raw, string Content);
