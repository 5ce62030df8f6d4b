using System.Runtime.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>One workbook received, as recorded: what it was, what became of it, where its files are.</summary>
public sealed record IngestionRecord
{
    /// <summary>The département code (or the partition of invalid paths).</summary>
    [IgnoreDataMember]
    public required string Partition { get; init; }

    /// <summary>The SHA-256 of its bytes ("poison-…" for an upload that failed every attempt).</summary>
    [IgnoreDataMember]
    public required string Id { get; init; }

    public string FileName { get; init; } = string.Empty;

    public string BlobName { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public IngestionStatus Status { get; init; }

    /// <summary>The workbook kinds it held.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>The years it covered ("2023"), none when it covers every year.</summary>
    public IReadOnlyList<string> Years { get; init; } = [];

    /// <summary>The contracts whose periods the workbook was attached to ("Avenant 2023-2024"), when known.</summary>
    public string? Contract { get; init; }

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    public int Lines { get; init; }

    public string ArchivePath { get; init; } = string.Empty;

    public string ReportPath { get; init; } = string.Empty;

    /// <summary>The first French messages, for a quick look; the full list is in the report.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>The normalised content as stored by this ingestion, readable after a later drop supersedes it.</summary>
    public string? DataPath { get; init; }

    /// <summary>For a rejected workbook: the copy with a comment on each faulty cell.</summary>
    public string? AnnotatedPath { get; init; }

    /// <summary>"kind:ingestion id" of the later drops that replaced this ingestion's data.</summary>
    public IReadOnlyList<string> SupersededBy { get; init; } = [];
}
