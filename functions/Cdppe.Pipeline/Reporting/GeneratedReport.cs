using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>A rendered report: its file name and bytes, where its copy was saved, the template it was rendered with and how long it took.</summary>
public sealed record GeneratedReport(string FileName, byte[] Content, string SavedAs, string TemplateSource, TimeSpan RenderTime)
{
    /// <summary>The version kept for it (see <see cref="ReportVersions"/>).</summary>
    public ReportVersion? Version { get; init; }
}
