namespace Cdppe.Pipeline.Storage;

public sealed class ConsolidationRunEntity : EntityBase
{
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public string Trigger { get; set; } = string.Empty;

    public string Months { get; set; } = string.Empty;

    public int Snapshots { get; set; }

    public int RevisionsWritten { get; set; }

    public int Gaps { get; set; }

    public string Warnings { get; set; } = string.Empty;

    /// <summary>On a month's row: the fingerprint of the inputs it was consolidated from (what the monthly consolidation compares to leave an unchanged month alone).</summary>
    public string? InputsFingerprint { get; set; }
}
