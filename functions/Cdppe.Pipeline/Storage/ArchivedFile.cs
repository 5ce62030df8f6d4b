namespace Cdppe.Pipeline.Storage;

/// <summary>An archived upload as the rebuild replays it: its archive blob, its original blob name and when it was received.</summary>
public sealed record ArchivedFile(string Name, string BlobName, DateTimeOffset ReceivedAt);
