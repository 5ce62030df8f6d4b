namespace Cdppe.Pipeline.Model;

/// <summary>
/// What attaching a workbook's plans did to a contract's period, for the workbook's warnings: the plan extends the
/// period of <see cref="Contract"/> (<see cref="Overlapped"/> null), or its period overlaps <see cref="Overlapped"/>,
/// whose plan stays in force for <see cref="SharedYears"/> when <see cref="InForce"/> says so.
/// </summary>
public sealed record ContractPeriodChange(Contract Contract, IReadOnlyList<ContractPlan> Plans, Contract? Previous, Contract? Overlapped, IReadOnlyList<int> SharedYears, Contract? InForce);
