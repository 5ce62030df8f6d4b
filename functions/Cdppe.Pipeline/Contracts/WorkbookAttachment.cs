using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Contracts;

/// <summary>What a workbook about to be stored does to the contracts: the contracts with its plans attached, the periods its years belong to, and what to warn of.</summary>
public sealed record WorkbookAttachment(IReadOnlyList<Contract> Contracts, string? Periods)
{
    /// <summary>The first sheet of the workbook's plan, where the plan's warnings are placed.</summary>
    public string? PlanSheet { get; init; }

    /// <summary>How the plan changes a contract's period (extension, overlap).</summary>
    public IReadOnlyList<ContractPeriodChange> PeriodChanges { get; init; } = [];

    /// <summary>Each plan d'action of the workbook with the plan d'action of other years it replaces.</summary>
    public IReadOnlyList<(ContractPlan Plan, ContractPlan Replaced)> ReplacedPlans { get; init; } = [];

    /// <summary>The workbook's years no contract covers (none when no contract is known yet).</summary>
    public IReadOnlyList<int> OutsideYears { get; init; } = [];

    /// <summary>The first sheet holding one of <see cref="OutsideYears"/>.</summary>
    public string? OutsideSheet { get; init; }
}
