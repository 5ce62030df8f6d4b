namespace Cdppe.Pipeline.Model;

/// <summary>An indicator definition as one workbook kind states it (plan-action: targets; tableau-de-bord: baseline, targets, achieved).</summary>
public sealed record SourcedIndicator(string Kind, IndicatorDefinition Definition);
