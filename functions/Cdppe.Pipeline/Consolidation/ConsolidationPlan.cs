using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>What is due for a département, and the months left out with the reason.</summary>
public sealed record ConsolidationPlan(Departement Departement, IReadOnlyList<YearMonth> Months)
{
    public IReadOnlyList<SkippedMonths> Skipped { get; init; } = [];
}
