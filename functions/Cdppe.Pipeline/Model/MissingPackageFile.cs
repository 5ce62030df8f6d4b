namespace Cdppe.Pipeline.Model;

/// <summary>
/// A file a transmitted package should hold and does not: its name and why, in French (the report as PDF when no
/// converter was available or the conversion failed). The manifest and the campaign list it, never a silent gap.
/// </summary>
public sealed record MissingPackageFile(string Fichier, string Raison);
