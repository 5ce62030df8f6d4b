namespace Cdppe.Pipeline.Model;

/// <summary>A place for the département's text as a generated report wrote it: its name, its title and its help text (to tell an untouched placeholder).</summary>
public sealed record ReportPlace(string Name, string Title, string Help);
