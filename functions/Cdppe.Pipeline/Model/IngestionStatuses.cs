namespace Cdppe.Pipeline.Model;

/// <summary>The codes an <see cref="IngestionStatus"/> is stored and listed with.</summary>
public static class IngestionStatuses
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
    public static string Code(IngestionStatus status) => Codes[status];

    /// <summary>The status of a stored code; an unknown code reads as <see cref="IngestionStatus.Failed"/>.</summary>
    public static IngestionStatus Parse(string? code) => code is not null && ByCode.TryGetValue(code, out var status) ? status : IngestionStatus.Failed;
}
