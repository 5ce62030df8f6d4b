namespace Cdppe.Pipeline.Model;

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
        : [.. issues, new ValidationIssue(omittedErrors > 0 ? Severity.Error : Severity.Warning, "problemes-non-detailles", $"{omittedErrors + omittedWarnings} autres problèmes ({omittedErrors} erreurs, {omittedWarnings} avertissements) ne sont pas détaillés : corrigez d'abord ceux ci-dessus.")];

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
            issues.Add(new ValidationIssue(Severity.Info, "total-non-controle", "Les totaux imprimés n'ont pas été contrôlés : des lignes contiennent des erreurs.", sheet));
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

    public void Error(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        Add(new ValidationIssue(Severity.Error, code, message, sheet, cell, seen, expected));

    public void Warning(string code, string message, string? sheet = null, string? cell = null, string? seen = null, string? expected = null) =>
        Add(new ValidationIssue(Severity.Warning, code, message, sheet, cell, seen, expected));
}
