using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

public sealed record EngagementBudget(string Engagement, IReadOnlyList<BudgetLine> Lines, BudgetTotals Totals)
{
    /// <summary>"Engagement 1" for "Engagement 1 : Agir le plus précocement…".</summary>
    public string ShortName => Engagement.Split(" : ", 2)[0].Trim();

    /// <summary>The objective each line prints, in the order of <see cref="Lines"/>: its fiche's objective in the plan d'action when known, else the line's own text.</summary>
    public IReadOnlyList<string?> Objectives { get; init; } = [];
}
