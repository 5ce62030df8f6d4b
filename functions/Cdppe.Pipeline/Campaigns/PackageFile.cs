namespace Cdppe.Pipeline.Campaigns;

/// <summary>A file of a package: its name in the zip (a plain name, no folder) and its bytes.</summary>
public sealed record PackageFile(string Name, byte[] Content);
