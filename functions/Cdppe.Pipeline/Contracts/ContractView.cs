namespace Cdppe.Pipeline.Contracts;

/// <summary>A contract as <c>GET /api/contrats</c> lists it.</summary>
public sealed record ContractView(string Name, string Shape, string Period, int FirstYear, int LastYear, IReadOnlyList<ContractPlanView> Plans);
