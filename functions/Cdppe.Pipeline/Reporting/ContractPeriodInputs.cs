using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Reporting;

/// <summary>What the report of a year reads about the contract in force (see <see cref="AnnualReportService"/>).</summary>
public sealed record ContractPeriodInputs
{
    /// <summary>The contract whose period holds the year, or null when no plan of the département covers it.</summary>
    public Contract? InForce { get; init; }

    /// <summary>The annexe 2.1 that details the year (an avenant year), and its lines.</summary>
    public ContractPlan? AnnexePlan { get; init; }

    public IReadOnlyList<ObjectivePlan> Annexe { get; init; } = [];

    /// <summary>The year's rapport financier in an avenant year: lines keyed by objective and action.</summary>
    public IReadOnlyList<BudgetLine> ActionLines { get; init; } = [];

    /// <summary>When the monthly snapshots the report uses were last consolidated, if ever.</summary>
    public DateTimeOffset? ConsolidatedAt { get; init; }
}
