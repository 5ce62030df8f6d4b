namespace Cdppe.Pipeline.Reporting;

/// <summary>One action of an annexe line and what the year's rapport financier says it consumed (null: not reported).</summary>
public sealed record AnnexeActionReport(string? Code, string Label, decimal? Consumed);
