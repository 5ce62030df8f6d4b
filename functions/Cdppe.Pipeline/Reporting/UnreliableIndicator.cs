using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>An indicator whose values were declared unreliable: the months concerned, the last reliable month and value.</summary>
public sealed record UnreliableIndicator(string Code, string Label, IReadOnlyList<YearMonth> Months, string? LastValue)
{
    public YearMonth? LastReliableMonth { get; init; }

    public string? LastReliableValue { get; init; }
}
