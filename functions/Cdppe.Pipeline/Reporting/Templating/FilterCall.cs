namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A filter applied to a value: <c>euros</c>, <c>pourcent:1</c>, <c>sinon:"non renseigné"</c>.</summary>
public sealed record FilterCall(string Name, string? Argument);
