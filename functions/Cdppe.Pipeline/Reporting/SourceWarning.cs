namespace Cdppe.Pipeline.Reporting;

/// <summary>A warning (or error) of an ingested workbook, with its source cell and the structured fields of its issue.</summary>
public sealed record SourceWarning(string FileName, string Severity, string Message, string? Sheet, string? Cell, string? Seen, string? Expected)
{
    public string? Code { get; init; }

    /// <summary>The workbook kind whose check raised the warning (<see cref="Ingestion.ValidationIssue.Kind"/>).</summary>
    public string? Kind { get; init; }

    public string? Column { get; init; }

    public string? Engagement { get; init; }
}
