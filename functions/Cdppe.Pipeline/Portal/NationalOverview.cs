using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>The National page: every département with its drops, completeness and key figures, and the national totals (the budget columns of the rapport financier summed over every département).</summary>
public sealed record NationalOverview(int Year, IReadOnlyList<DepartementLine> Departements, BudgetTotals Budget, IReadOnlyList<NationalCount> Counts);
