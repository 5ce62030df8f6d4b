using Cdppe.Pipeline.Storage;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>What an ingestion ends with, once its rows are written (accepted: <see cref="Plan"/>) or the file is set aside (rejected).</summary>
public sealed record IngestionOutcome(Upload Upload, WorkbookContent Content, string? ArchivePath, DatasetPlan? Plan, string? AnnotatedPath)
{
    public IngestionStatus Status => Plan is null ? IngestionStatus.Rejected : IngestionStatus.Accepted;
}
