namespace Cdppe.Pipeline.Ingestion;

/// <summary>The earlier drop of the same bytes: its file name and when it was received.</summary>
public sealed record EarlierDrop(string FileName, DateTimeOffset ReceivedAt);
