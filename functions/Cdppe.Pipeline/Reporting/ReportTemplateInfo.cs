namespace Cdppe.Pipeline.Reporting;

/// <summary>Which template is in force for a département, and where the département's own would be stored.</summary>
public sealed record ReportTemplateInfo(string Source, bool BuiltIn, string DepartementSource);
