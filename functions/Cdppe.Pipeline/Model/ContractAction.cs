namespace Cdppe.Pipeline.Model;

/// <summary>
/// One action of an annexe 2.1 objective line: its code as numbered by the département ("9-1", "14-2", "12") and
/// its wording. One cell may hold several actions ("Action n°9-1: … Action n°9-2: …").
/// </summary>
public sealed record ContractAction(string? Code, string Label);
