using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>The stored form of a <see cref="ConsolidationRun"/>; <see cref="Of"/> and <see cref="ToRun"/> are its one mapping, months stored comma separated.</summary>
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

    public string? InputsFingerprint { get; set; }

    public static ConsolidationRunEntity Of(ConsolidationRun run, string rowKey) => new()
    {
        PartitionKey = run.Partition,
        RowKey = rowKey,
        StartedAt = run.StartedAt,
        EndedAt = run.EndedAt,
        Trigger = run.Trigger,
        Months = string.Join(',', run.Months),
        Snapshots = run.Snapshots,
        RevisionsWritten = run.RevisionsWritten,
        Gaps = run.Gaps,
        Warnings = run.Warnings,
        InputsFingerprint = run.InputsFingerprint,
    };

    public ConsolidationRun ToRun() => new()
    {
        Partition = PartitionKey,
        Id = RowKey,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        Trigger = Trigger,
        Months = Months.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Snapshots = Snapshots,
        RevisionsWritten = RevisionsWritten,
        Gaps = Gaps,
        Warnings = Warnings,
        InputsFingerprint = InputsFingerprint,
    };
}
