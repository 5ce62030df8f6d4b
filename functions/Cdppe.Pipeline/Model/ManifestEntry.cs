namespace Cdppe.Pipeline.Model;

/// <summary>One file of a transmitted package: its name in the package, the SHA-256 of its bytes (hex) and its size.</summary>
public sealed record ManifestEntry(string Fichier, string Sha256, long Octets);
