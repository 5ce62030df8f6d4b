namespace Cdppe.Pipeline.Ingestion;

public enum IngestionStatus
{
    Accepted,
    Rejected,

    /// <summary>The same bytes were already ingested for this département: nothing was done.</summary>
    Duplicate,

    /// <summary>A zero-byte blob (announced before its content): nothing to do until the content lands.</summary>
    Skipped,
}

public sealed record IngestionResult(string Partition, string? IngestionId, IngestionStatus Status, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<string> Kinds)
{
    public static string StatusCode(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "accepted",
        IngestionStatus.Rejected => "rejected",
        IngestionStatus.Duplicate => "duplicate",
        _ => "skipped",
    };
}
