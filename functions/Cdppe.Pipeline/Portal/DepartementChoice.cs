namespace Cdppe.Pipeline.Portal;

/// <summary>A département a user may choose, with its name.</summary>
public sealed record DepartementChoice(string Code, string Nom);
