using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>One ingestion record and the report written next to it (null when there is none).</summary>
public sealed record IngestionDetail(IngestionRecord Record, IngestionReport? Report);
