namespace Cdppe.Pipeline.Reporting;

/// <summary>A warning (or error) of an ingested workbook, with its source cell.</summary>
public sealed record SourceWarning(string FileName, string Severity, string Message, string? Sheet, string? Cell, string? Seen, string? Expected);
