namespace Cdppe.Pipeline.Campaigns;

/// <summary>A remark as the reviewer writes it: the part it names and its text.</summary>
public sealed record RemarkInput(string? Partie, string? Texte);
