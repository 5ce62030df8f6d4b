namespace Cdppe.Pipeline.Storage;

/// <summary>Row of table ReportTexts: one version of one place's text (row key <c>{year}|{name}|{upload id}</c>); the fragment is a blob.</summary>
public sealed class ReportTextEntity : EntityBase
{
    public int Year { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Author { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string UploadId { get; set; } = string.Empty;

    public DateTimeOffset SavedAt { get; set; }

    public int Characters { get; set; }

    public string Excerpt { get; set; } = string.Empty;

    public string Blob { get; set; } = string.Empty;
}
