namespace Cdppe.Pipeline.Model;

/// <summary>
/// Collects issues while a workbook is read. Only the first <see cref="MaxDetailed"/> are kept in detail (a file with
/// a million faulty rows must not exhaust memory); the others are counted. The ingestion adds the French summary of
/// those counted (<c>Ingestion.IssueListExtensions.All</c>), so that every message comes from its catalogue.
/// </summary>
public sealed class IssueList
{
    public const int MaxDetailed = 1_000;

    private readonly List<ValidationIssue> issues = [];

    /// <summary>The issues kept in detail, in the order they were found.</summary>
    public IReadOnlyList<ValidationIssue> Detailed => issues;

    /// <summary>Errors found beyond <see cref="MaxDetailed"/>: counted, not kept.</summary>
    public int OmittedErrors { get; private set; }

    /// <summary>Warnings and informations found beyond <see cref="MaxDetailed"/>: counted, not kept.</summary>
    public int OmittedWarnings { get; private set; }

    public bool HasErrors => OmittedErrors > 0 || issues.Any(i => i.Severity == Severity.Error);

    public int ErrorCount => OmittedErrors + issues.Count(i => i.Severity == Severity.Error);

    public void Add(ValidationIssue issue)
    {
        if (issues.Count < MaxDetailed)
        {
            issues.Add(issue);
        }
        else if (issue.Severity == Severity.Error)
        {
            OmittedErrors++;
        }
        else
        {
            OmittedWarnings++;
        }
    }
}
