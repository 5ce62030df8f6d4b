namespace Cdppe.Pipeline.Model;

/// <summary>
/// A problem found in a workbook: French message, where it is and what was expected. Issues are built by
/// the ingestion's message catalogue (<c>Ingestion.Messages.IngestionMessages</c>), which also fills the structured fields below: code that needs the data of
/// an issue reads those fields, never the message.
/// </summary>
public sealed record ValidationIssue(Severity Severity, string Code, string Message, string? Sheet = null, string? Cell = null, string? Seen = null, string? Expected = null)
{
    /// <summary>The workbook kind whose check raised the issue, when it is specific to one kind.</summary>
    public string? Kind { get; init; }

    /// <summary>The amount or value column concerned, by name (for the rapport financier, a <see cref="Model.BudgetLine"/> property name).</summary>
    public string? Column { get; init; }

    /// <summary>The engagement concerned (a sub-total's engagement).</summary>
    public string? Engagement { get; init; }

    /// <summary>The fiche action concerned.</summary>
    public int? Fiche { get; init; }

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
