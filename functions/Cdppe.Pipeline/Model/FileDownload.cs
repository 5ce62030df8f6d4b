namespace Cdppe.Pipeline.Model;

/// <summary>A file a use case hands out: its bytes, its media type and the name it is saved under.</summary>
public sealed record FileDownload(byte[] Content, string ContentType, string FileName);
