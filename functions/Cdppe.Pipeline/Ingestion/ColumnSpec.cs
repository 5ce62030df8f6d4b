namespace Cdppe.Pipeline.Ingestion;

/// <summary>A column a sheet kind expects, recognised from its normalised header text.</summary>
public sealed record ColumnSpec(string Field, Func<string, bool> Matches, bool Required = false);
