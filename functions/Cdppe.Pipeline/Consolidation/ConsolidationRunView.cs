using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>A recorded consolidation run as it is listed: its id, when and why it ran, the months and what it wrote.</summary>
public sealed record ConsolidationRunView(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Trigger,
    IReadOnlyList<string> Months,
    int Snapshots,
    int RevisionsWritten,
    int Gaps,
    string Warnings)
{
    public static ConsolidationRunView From(ConsolidationRun run) => new(
        run.Id,
        run.StartedAt,
        run.EndedAt,
        run.Trigger,
        run.Months,
        run.Snapshots,
        run.RevisionsWritten,
        run.Gaps,
        run.Warnings);
}
