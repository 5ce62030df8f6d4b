using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>A report as the template rendered it: its bytes, the template (where it comes from, its SHA-256), the places written and the time taken.</summary>
internal sealed record RenderedReport(byte[] Bytes, string Template, string TemplateHash, IReadOnlyList<ReportPlace> Places, TimeSpan Elapsed);
