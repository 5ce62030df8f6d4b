using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The stored form of an <see cref="IngestionRecord"/> (RowKey = SHA-256 of its bytes, so the same bytes are one
/// ingestion); <see cref="Of"/> and <see cref="ToRecord"/> are its one mapping, lists stored comma separated.
/// </summary>
public sealed class IngestionEntity : EntityBase
{
    public string FileName { get; set; } = string.Empty;

    public string BlobName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The stored code of the status: accepted, rejected or failed.</summary>
    public string Status { get; set; } = string.Empty;

    public string Kinds { get; set; } = string.Empty;

    public string Years { get; set; } = string.Empty;

    public string? Contract { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public int Lines { get; set; }

    public string ArchivePath { get; set; } = string.Empty;

    public string ReportPath { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string? DataPath { get; set; }

    public string? AnnotatedPath { get; set; }

    /// <summary>Comma separated; null until a later drop replaces this ingestion's data.</summary>
    public string? SupersededBy { get; set; }

    public static IngestionEntity Of(IngestionRecord record) => new()
    {
        PartitionKey = record.Partition,
        RowKey = record.Id,
        FileName = record.FileName,
        BlobName = record.BlobName,
        Sha256 = record.Sha256,
        Size = record.Size,
        ReceivedAt = record.ReceivedAt,
        Status = IngestionStatuses.Code(record.Status),
        Kinds = string.Join(',', record.Kinds),
        Years = string.Join(',', record.Years),
        Contract = record.Contract,
        ErrorCount = record.ErrorCount,
        WarningCount = record.WarningCount,
        Lines = record.Lines,
        ArchivePath = record.ArchivePath,
        ReportPath = record.ReportPath,
        Summary = record.Summary,
        DataPath = record.DataPath,
        AnnotatedPath = record.AnnotatedPath,
        SupersededBy = JoinOrNull(record.SupersededBy),
    };

    public IngestionRecord ToRecord() => new()
    {
        Partition = PartitionKey,
        Id = RowKey,
        FileName = FileName,
        BlobName = BlobName,
        Sha256 = Sha256,
        Size = Size,
        ReceivedAt = ReceivedAt,
        Status = IngestionStatuses.Parse(Status),
        Kinds = Split(Kinds),
        Years = Split(Years),
        Contract = Contract,
        ErrorCount = ErrorCount,
        WarningCount = WarningCount,
        Lines = Lines,
        ArchivePath = ArchivePath,
        ReportPath = ReportPath,
        Summary = Summary,
        DataPath = DataPath,
        AnnotatedPath = AnnotatedPath,
        SupersededBy = Split(SupersededBy),
    };

    /// <summary>A stored comma list ("a,b"; empty or null is none).</summary>
    public static IReadOnlyList<string> Split(string? list) => (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A list as stored: null when empty.</summary>
    public static string? JoinOrNull(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join(',', items);
}
