namespace Cdppe.Pipeline.Recovery;

public sealed record RebuildSummary(int Files, int Accepted, int Rejected, int Duplicates, int Consolidations);
