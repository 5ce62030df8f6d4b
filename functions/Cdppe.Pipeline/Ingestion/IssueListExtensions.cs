using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>What the ingestion adds to an <see cref="IssueList"/>: the messages of its catalogue about the list itself.</summary>
public static class IssueListExtensions
{
    extension(IssueList issues)
    {
        /// <summary>Every issue kept in detail, then one that sums up those only counted.</summary>
        public IReadOnlyList<ValidationIssue> All => issues.OmittedErrors + issues.OmittedWarnings == 0
            ? issues.Detailed
            : [.. issues.Detailed, IngestionMessages.NotDetailed(issues.OmittedErrors, issues.OmittedWarnings)];

        /// <summary>
        /// Printed totals are compared only when every line above them was read: after a rejected line the sums would
        /// differ for that reason alone, and the errors already say what to fix.
        /// </summary>
        public bool SkipTotalsAfterErrors(int errorsBefore, string sheet, ref bool noted)
        {
            if (issues.ErrorCount == errorsBefore)
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
    }
}
