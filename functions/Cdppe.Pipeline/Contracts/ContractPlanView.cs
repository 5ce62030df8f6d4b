namespace Cdppe.Pipeline.Contracts;

/// <summary>A plan of a contract as <c>GET /api/contrats</c> lists it: its kind, years and the ingestion, file and sheet it comes from.</summary>
public sealed record ContractPlanView(string Kind, IReadOnlyList<int> Years, string IngestionId, string FileName, string Sheet, DateTimeOffset ReceivedAt);
