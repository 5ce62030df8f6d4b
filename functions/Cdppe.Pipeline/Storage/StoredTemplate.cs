namespace Cdppe.Pipeline.Storage;

/// <summary>A stored Word template: its bytes (null when it is over the size asked, and so was not downloaded) and its size.</summary>
public sealed record StoredTemplate(byte[]? Content, long Size);
