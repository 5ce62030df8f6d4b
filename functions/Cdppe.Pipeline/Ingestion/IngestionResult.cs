using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>What became of one upload: its partition, its ingestion, its status, its issues and the kinds it held.</summary>
public sealed record IngestionResult(string Partition, string? IngestionId, IngestionStatus Status, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<string> Kinds);
