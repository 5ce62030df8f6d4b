using Cdppe.Pipeline.Storage;

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
    public static ConsolidationRunView From(ConsolidationRunEntity run) => new(
        run.RowKey,
        run.StartedAt,
        run.EndedAt,
        run.Trigger,
        run.Months.Split(',', StringSplitOptions.RemoveEmptyEntries),
        run.Snapshots,
        run.RevisionsWritten,
        run.Gaps,
        run.Warnings);
}
