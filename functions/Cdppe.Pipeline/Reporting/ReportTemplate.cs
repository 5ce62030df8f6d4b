namespace Cdppe.Pipeline.Reporting;

/// <summary>The template a report is rendered with: its bytes and where it comes from (a blob path, or the built-in one).</summary>
public sealed record ReportTemplate(byte[] Content, string Source, bool IsBuiltIn);
