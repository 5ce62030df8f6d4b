namespace Cdppe.Pipeline.Model;

/// <summary>What attaching the plans of one workbook did: the contracts after it and the periods it changed.</summary>
public sealed record ContractAttachment(IReadOnlyList<Contract> Contracts, IReadOnlyList<Contract> AttachedTo, IReadOnlyList<ContractPeriodChange> Changes);
