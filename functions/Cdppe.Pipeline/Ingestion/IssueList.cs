using Cdppe.Pipeline.Ingestion.Messages;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Collects issues while a workbook is read. Only the first <see cref="MaxDetailed"/> are kept in detail (a file with
/// a million faulty rows must not exhaust memory); the others are counted and summed up in one last issue.
/// </summary>
public sealed class IssueList
{
    public const int MaxDetailed = 1_000;

    private readonly List<ValidationIssue> issues = [];
    private int omittedErrors;
    private int omittedWarnings;

    public IReadOnlyList<ValidationIssue> All => omittedErrors + omittedWarnings == 0
        ? issues
        : [.. issues, IngestionMessages.NotDetailed(omittedErrors, omittedWarnings)];

    public bool HasErrors => omittedErrors > 0 || issues.Any(i => i.Severity == Severity.Error);

    public int ErrorCount => omittedErrors + issues.Count(i => i.Severity == Severity.Error);

    /// <summary>
    /// Printed totals are compared only when every line above them was read: after a rejected line the sums would
    /// differ for that reason alone, and the errors already say what to fix.
    /// </summary>
    public bool SkipTotalsAfterErrors(int errorsBefore, string sheet, ref bool noted)
    {
        if (ErrorCount == errorsBefore)
        {
            return false;
        }

        if (!noted)
        {
            issues.Add(IngestionMessages.TotalsNotChecked(sheet));
            noted = true;
        }

        return true;
    }

    public void Add(ValidationIssue issue)
    {
        if (issues.Count < MaxDetailed)
        {
            issues.Add(issue);
        }
        else if (issue.Severity == Severity.Error)
        {
            omittedErrors++;
        }
        else
        {
            omittedWarnings++;
        }
    }
}
