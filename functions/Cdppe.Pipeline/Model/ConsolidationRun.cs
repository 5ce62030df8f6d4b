using System.Runtime.Serialization;

namespace Cdppe.Pipeline.Model;

/// <summary>
/// A recorded consolidation: a whole run (its months, what it wrote, its warnings), or one month of a run (one month,
/// with the fingerprint of the inputs it was consolidated from).
/// </summary>
public sealed record ConsolidationRun
{
    /// <summary>The département code.</summary>
    [IgnoreDataMember]
    public required string Partition { get; init; }

    /// <summary>The run's id as recorded (empty until it is recorded).</summary>
    [IgnoreDataMember]
    public string Id { get; init; } = string.Empty;

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    public string Trigger { get; init; } = string.Empty;

    /// <summary>The months consolidated ("2022-10").</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    public int Snapshots { get; init; }

    public int RevisionsWritten { get; init; }

    public int Gaps { get; init; }

    public string Warnings { get; init; } = string.Empty;

    /// <summary>On a month's record: the fingerprint of the inputs it was consolidated from.</summary>
    public string? InputsFingerprint { get; init; }
}
