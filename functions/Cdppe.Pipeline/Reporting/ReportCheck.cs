namespace Cdppe.Pipeline.Reporting;

/// <summary>A consistency check made by the report itself (fiche totals, overruns, missing bilans).</summary>
public sealed record ReportCheck(string Subject, string Message);
