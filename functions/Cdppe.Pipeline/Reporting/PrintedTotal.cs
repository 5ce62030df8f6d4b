namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// A sub-total or total of the rapport financier whose printed amount (in the imported workbook) differs from the
/// sum of its lines: the report prints the sum and marks it, with the printed amount and its cell.
/// </summary>
/// <param name="Engagement">The engagement of a sub-total, null for the grand total.</param>
/// <param name="Column">The amount's name in the template data: budgetGlobal, departement, fir, etat, ondam, consommeAvant, consommeAnnee, consommeCumule.</param>
public sealed record PrintedTotal(string? Engagement, string Column, string Printed, string Recomputed, string? Sheet, string? Cell);
