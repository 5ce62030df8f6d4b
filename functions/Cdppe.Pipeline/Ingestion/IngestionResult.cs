namespace Cdppe.Pipeline.Ingestion;

public sealed record IngestionResult(string Partition, string? IngestionId, IngestionStatus Status, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<string> Kinds)
{
    private static readonly Dictionary<IngestionStatus, string> Codes = new()
    {
        [IngestionStatus.Accepted] = "accepted",
        [IngestionStatus.Rejected] = "rejected",
        [IngestionStatus.Duplicate] = "duplicate",
        [IngestionStatus.Skipped] = "skipped",
        [IngestionStatus.Failed] = "failed",
    };

    private static readonly Dictionary<string, IngestionStatus> ByCode = Codes.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);

    /// <summary>The code a status is stored and listed with ("accepted", "rejected", "failed"…).</summary>
    public static string StatusCode(IngestionStatus status) => Codes[status];

    /// <summary>The status of a stored code; an unknown code reads as <see cref="IngestionStatus.Failed"/>.</summary>
    public static IngestionStatus ParseStatus(string? code) => code is not null && ByCode.TryGetValue(code, out var status) ? status : IngestionStatus.Failed;
}
