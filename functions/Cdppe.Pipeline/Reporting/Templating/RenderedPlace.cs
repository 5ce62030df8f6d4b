namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A place for text as one rendering wrote it: its name (the control's tag), the title users see and its help text.</summary>
public sealed record RenderedPlace(string Name, string Title, string Help);
