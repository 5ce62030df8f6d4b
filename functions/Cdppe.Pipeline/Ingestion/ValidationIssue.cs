namespace Cdppe.Pipeline.Ingestion;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>A problem found in a workbook: French message, where it is and what was expected.</summary>
public sealed record ValidationIssue(Severity Severity, string Code, string Message, string? Sheet = null, string? Cell = null, string? Seen = null, string? Expected = null)
{
    public string SeverityLabel => Severity switch
    {
        Severity.Error => "erreur",
        Severity.Warning => "avertissement",
        _ => "information",
    };

    /// <summary>"Feuille « X », cellule B12 : message (vu : …, attendu : …)".</summary>
    public override string ToString()
    {
        var where = (Sheet, Cell) switch
        {
            (not null, not null) => $"Feuille « {Sheet} », cellule {Cell} : ",
            (not null, null) => $"Feuille « {Sheet} » : ",
            _ => string.Empty,
        };
        var seen = Seen is null ? string.Empty : $" (vu : « {Seen} »{(Expected is null ? string.Empty : $", attendu : {Expected}")})";
        return where + Message + seen;
    }
}

/// <summary>Collects issues while a workbook is read.</summary>
public sealed class IssueList
{
    private readonly List<ValidationIssue> issues = [];

    public IReadOnlyList<ValidationIssue> All => issues;

    public bool HasErrors => issues.Any(i => i.Severity == Severity.Error);

    public int ErrorCount => issues.Count(i => i.Severity == Severity.Error);

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
            issues.Add(new ValidationIssue(Severity.Info, "total-non-controle", "Les totaux imprimés n'ont pas été contrôlés : des lignes contiennent des erreurs.", sheet));
            noted = true;
        }

        return true;
    }

    public void Add(ValidationIssue issue) => issues.Add(issue);

    public void Error(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        issues.Add(new ValidationIssue(Severity.Error, code, message, sheet, cell, seen, expected));

    public void Warning(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        issues.Add(new ValidationIssue(Severity.Warning, code, message, sheet, cell, seen, expected));
}
