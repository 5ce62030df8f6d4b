namespace Cdppe.Pipeline.Consolidation;

public sealed record ConsolidationSummary(string Departement, string RunId, IReadOnlyList<string> Months, int Snapshots, int RevisionsWritten, int Gaps, IReadOnlyList<string> Warnings)
{
    /// <summary>The months left out (outside every contract period and reporting window), with the reason; a summary with no run (empty <see cref="RunId"/>) when only those.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
