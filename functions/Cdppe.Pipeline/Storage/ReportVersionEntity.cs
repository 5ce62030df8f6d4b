namespace Cdppe.Pipeline.Storage;

/// <summary>Row of table ReportVersions: one generated report (row key <c>{year}|{id}</c>); its bytes are a blob.</summary>
public sealed class ReportVersionEntity : EntityBase
{
    public string Id { get; set; } = string.Empty;

    public int Year { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string FileName { get; set; } = string.Empty;

    public long Bytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string DataVersion { get; set; } = string.Empty;

    public string TextsVersion { get; set; } = string.Empty;

    public string Template { get; set; } = string.Empty;

    public string TemplateHash { get; set; } = string.Empty;

    /// <summary>The places written, as JSON (name, title, help).</summary>
    public string Places { get; set; } = "[]";
}
