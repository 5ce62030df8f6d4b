using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Months of the year (consecutive, with the same indicators missing) where indicators followed monthly have no value,
/// or that were never consolidated. Only indicators that have monthly values in the year are counted: an indicator
/// reported once a year is not missing from the months.
/// </summary>
public sealed record MonthGap(YearMonth Month, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Labels)
{
    /// <summary>Every month of the gap, <see cref="Month"/> first.</summary>
    public IReadOnlyList<YearMonth> Months { get; init; } = [Month];
}
