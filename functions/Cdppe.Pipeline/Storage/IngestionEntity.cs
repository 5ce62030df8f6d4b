using System.Runtime.Serialization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>One workbook received (RowKey = SHA-256 of its bytes, so the same bytes are one ingestion).</summary>
public sealed class IngestionEntity : EntityBase
{
    public string FileName { get; set; } = string.Empty;

    public string BlobName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The stored code of <see cref="State"/>: accepted, rejected or failed.</summary>
    public string Status { get; set; } = string.Empty;

    [IgnoreDataMember]
    public IngestionStatus State
    {
        get => IngestionStatuses.Parse(Status);
        set => Status = IngestionStatuses.Code(value);
    }

    public string Kinds { get; set; } = string.Empty;

    public string Years { get; set; } = string.Empty;

    /// <summary>The contracts whose periods the workbook was attached to ("Avenant 2023-2024"), when known.</summary>
    public string? Contract { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public int Lines { get; set; }

    public string ArchivePath { get; set; } = string.Empty;

    public string ReportPath { get; set; } = string.Empty;

    /// <summary>The first French messages, for a quick look; the full list is in the report blob.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>The normalised content as stored by this ingestion (JSON blob), readable after a later drop supersedes it.</summary>
    public string? DataPath { get; set; }

    /// <summary>For a rejected workbook: the copy with a comment on each faulty cell.</summary>
    public string? AnnotatedPath { get; set; }

    /// <summary>"kind:ingestion id" of the later drops that replaced this ingestion's data, comma separated.</summary>
    public string? SupersededBy { get; set; }
}
