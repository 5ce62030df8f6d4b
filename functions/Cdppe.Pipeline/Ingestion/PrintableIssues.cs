using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>Issues as they can be stored and printed: every invalid code point a workbook carried shown as �.</summary>
public static class PrintableIssues
{
    public static IReadOnlyList<ValidationIssue> Of(IEnumerable<ValidationIssue> issues) =>
        issues.Select(i => i with
        {
            Message = UnicodeText.Clean(i.Message),
            Sheet = Clean(i.Sheet),
            Cell = Clean(i.Cell),
            Seen = Clean(i.Seen),
            Expected = Clean(i.Expected),
        }).ToList();

    private static string? Clean(string? text) => text is null ? null : UnicodeText.Clean(text);
}
